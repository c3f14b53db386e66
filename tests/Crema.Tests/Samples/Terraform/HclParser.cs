using System.Text.Json;
using Crema.Tests.Support;

namespace Crema.Tests.Samples.Terraform;

/// <summary>
/// Runs tests/terraform-check/hclparse (HashiCorp's HCL parser, Debian golang-github-hashicorp-hcl-v2-dev), built
/// once per test session with Debian's Go in GOPATH mode, as the Kafka mock broker is.
/// Needs the apt packages golang-go and golang-github-hashicorp-hcl-v2-dev.
/// </summary>
internal static class HclParser
{
    private static readonly Lazy<Task<string>> Binary = new(BuildAsync);

    /// <summary>Parses every *.tf file in <paramref name="directory"/>.</summary>
    public static async Task<HclModule> ParseAsync(string directory)
    {
        var binary = await Binary.Value.ConfigureAwait(false);
        var (exitCode, output, errors) = await ToolRun.RunAsync(binary, [directory]).ConfigureAwait(false);
        if (exitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"hclparse {directory} failed ({exitCode}): {errors}");
        }
        return JsonSerializer.Deserialize<HclModule>(output, TerraformJson.Options)
            ?? throw new InvalidOperationException("hclparse printed nothing");
    }

    private static async Task<string> BuildAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), "crema-hclparse-" + Guid.NewGuid().ToString("N"));
        var gopath = Path.Combine(root, "gopath");
        Directory.CreateDirectory(gopath);
        var binary = Path.Combine(root, "hclparse");
        var environment = new Dictionary<string, string>
        {
            ["GO111MODULE"] = "off",
            ["GOPATH"] = gopath + ":/usr/share/gocode",
            ["CGO_ENABLED"] = "0",
            ["GOFLAGS"] = string.Empty,
            ["GOCACHE"] = Path.Combine(Path.GetTempPath(), "crema-hclparse-gocache"),
        };
        var source = Path.Combine(RepositoryRoot.Path, "tests", "terraform-check", "hclparse");
        var (exitCode, _, errors) = await ToolRun.RunAsync("go", ["build", "-o", binary, "."], source, environment).ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"Building hclparse failed (apt-get install golang-go golang-github-hashicorp-hcl-v2-dev): {errors}");
        }
        return binary;
    }
}
