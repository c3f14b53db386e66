using Crema.Tests.Support;

namespace Crema.Tests.Cli;

public sealed class ExplainCommandTests
{
    private static readonly string Example = Path.Combine(RepositoryRoot.Path, "crema.example.yaml");

    [Fact]
    public async Task Explain_ExampleConfig_ExplainsEveryObject()
    {
        var run = await CliRun.RunAsync("explain", "--config", Example);

        run.ExitCode.ShouldBe(0, run.Error);
        run.OutputLines.Count(l => l.Contains(": projects/", StringComparison.Ordinal) && !l.StartsWith(' ')).ShouldBe(5);
        run.OutputLines.ShouldContain("  to zero     never: minReplicaCount 1 is the floor");
    }

    [Fact]
    public async Task Explain_OneObject_PrintsOnlyIt()
    {
        var run = await CliRun.RunAsync("explain", "--config", Example, "--object", "ci-runners");

        run.ExitCode.ShouldBe(0, run.Error);
        run.OutputLines[0].ShouldBe("ci-runners: projects/acme-ci/locations/us-central1/workerPools/github-runners");
        run.Output.ShouldNotContain("order-processor");
        run.Output.ShouldContain("active while value >= 1");
    }

    [Fact]
    public async Task Explain_UnknownObject_ExitsOneListingTheNames()
    {
        var run = await CliRun.RunAsync("explain", "--config", Example, "--object", "nope");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("no scaled object named \"nope\"; the config has: image-renderer, order-processor, ci-runners, email-sender, video-transcoder");
    }

    [Fact]
    public async Task Explain_InvalidConfig_ExitsOneWithTheErrors()
    {
        using var files = new TempFiles();
        var path = files.Write("bad.yaml", "apiVersion: crema/v1\nkind: CremaConfig\nspec:\n  pollingInterval: 0\n");

        var run = await CliRun.RunAsync("explain", "--config", path);

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("bad.yaml:4:");
        run.Output.ShouldBeEmpty();
    }
}
