using System.Text.Json;
using Crema.Tests.Support;

namespace Crema.Tests.Chart;

/// <summary>
/// Renders charts/crema as <c>helm template</c> does, without helm: the Go program in tests/helm-render
/// (text/template with sprig and the Helm built-ins the chart uses), built once per test session with
/// Debian's Go from /usr/share/gocode. Needs the apt packages golang-go, golang-github-masterminds-sprig-dev
/// and golang-k8s-sigs-yaml-dev.
/// </summary>
internal static class HelmRender
{
    public static readonly string ChartDirectory = Path.Combine(RepositoryRoot.Path, "charts", "crema");

    private static readonly Lazy<Task<string>> Binary = new(() => GoProgram.BuildAsync(Path.Combine(RepositoryRoot.Path, "tests", "helm-render"), "helm-render", "golang-go golang-github-masterminds-sprig-dev golang-k8s-sigs-yaml-dev"));

    /// <summary>Renders the chart with <paramref name="valuesYaml"/> laid over values.yaml (as <c>-f</c>), release "crema" in namespace "crema".</summary>
    public static async Task<RenderedChart> RenderAsync(string valuesYaml = "", string release = "crema", string @namespace = "crema")
    {
        var binary = await Binary.Value.ConfigureAwait(false);
        var valuesFile = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(valuesFile, valuesYaml).ConfigureAwait(false);
            var (exitCode, output, errors) = await ToolRun.RunAsync(
                binary, ["-name", release, "-namespace", @namespace, "-f", valuesFile, ChartDirectory]).ConfigureAwait(false);
            if (exitCode is not (0 or 1))
            {
                throw new InvalidOperationException($"helm-render failed ({exitCode}): {errors}");
            }
            using var document = JsonDocument.Parse(output);
            return RenderedChart.From(document.RootElement);
        }
        finally
        {
            File.Delete(valuesFile);
        }
    }
}
