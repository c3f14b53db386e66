namespace Crema.Tests.Support;

/// <summary>
/// Builds a test-side Go program offline with Debian's Go in GOPATH mode: its imports come from
/// /usr/share/gocode, where Debian's golang-*-dev packages put them (the Kafka mock broker, the Helm chart
/// renderer, the HCL parser and the provider schema extractor).
/// </summary>
internal static class GoProgram
{
    /// <summary>Builds the program in <paramref name="source"/> into a fresh temporary folder; returns the binary's path.</summary>
    /// <param name="debianPackages">What to apt-get install when the build fails (named in the error).</param>
    public static async Task<string> BuildAsync(string source, string name, string debianPackages)
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
            ["GOCACHE"] = Path.Combine(Path.GetTempPath(), $"crema-{name}-gocache"),
        };
        var (exitCode, _, errors) = await ToolRun.RunAsync("go", ["build", "-o", binary, "."], source, environment).ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"Building {name} failed (apt-get install {debianPackages}): {errors}");
        }
        return binary;
    }
}
