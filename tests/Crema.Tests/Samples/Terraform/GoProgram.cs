using Crema.Tests.Support;

namespace Crema.Tests.Samples.Terraform;

/// <summary>
/// Builds a Go program of tests/terraform-check offline with Debian's Go in GOPATH mode (its imports from
/// /usr/share/gocode, where Debian's golang-*-dev packages put them), as the Kafka mock broker is built.
/// </summary>
internal static class GoProgram
{
    /// <summary>Builds tests/terraform-check/<paramref name="name"/>; returns the binary's path.</summary>
    public static async Task<string> BuildAsync(string name, string debianPackages)
    {
        var root = Path.Combine(Path.GetTempPath(), $"crema-{name}-" + Guid.NewGuid().ToString("N"));
        var gopath = Path.Combine(root, "gopath");
        Directory.CreateDirectory(gopath);
        var binary = Path.Combine(root, name);
        var environment = new Dictionary<string, string>
        {
            ["GO111MODULE"] = "off",
            ["GOPATH"] = gopath + ":/usr/share/gocode",
            ["CGO_ENABLED"] = "0",
            ["GOFLAGS"] = string.Empty,
            ["GOCACHE"] = Path.Combine(Path.GetTempPath(), "crema-terraform-check-gocache"),
        };
        var source = Path.Combine(RepositoryRoot.Path, "tests", "terraform-check", name);
        var (exitCode, _, errors) = await ToolRun.RunAsync("go", ["build", "-o", binary, "."], source, environment).ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"Building {name} failed (apt-get install {debianPackages}): {errors}");
        }
        return binary;
    }
}
