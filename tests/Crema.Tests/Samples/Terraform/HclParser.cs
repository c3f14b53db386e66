using System.Text.Json;
using Crema.Tests.Support;

namespace Crema.Tests.Samples.Terraform;

/// <summary>
/// Runs tests/terraform-check/hclparse (HashiCorp's HCL parser, Debian golang-github-hashicorp-hcl-v2-dev), built
/// once per test session (<see cref="GoProgram"/>).
/// Needs the apt packages golang-go and golang-github-hashicorp-hcl-v2-dev.
/// </summary>
internal static class HclParser
{
    private static readonly Lazy<Task<string>> Binary = new(() => GoProgram.BuildAsync(Path.Combine(RepositoryRoot.Path, "tests", "terraform-check", "hclparse"), "hclparse", "golang-go golang-github-hashicorp-hcl-v2-dev"));

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
}
