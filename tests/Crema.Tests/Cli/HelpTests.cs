namespace Crema.Tests.Cli;

public sealed class HelpTests
{
    [Fact]
    public async Task Help_Root_ListsEveryCommand()
    {
        var run = await CliRun.RunAsync("--help");

        run.ExitCode.ShouldBe(0);
        foreach (var command in (string[])["run", "demo", "emulator", "validate", "explain", "simulate", "schema", "scalers", "import-keda"])
        {
            run.OutputLines.ShouldContain(l => l.TrimStart().StartsWith(command + " ", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("run", "--config <FILE>", "--port <PORT>", "--dry-run", "--log-format <json|text>", "--log-level <LEVEL>", "--secrets-dir <DIR>")]
    [InlineData("demo", "--duration <SECONDS>", "--port <PORT>")]
    [InlineData("emulator", "--port <PORT>", "--worker-pool <NAME=COUNT>", "--service <NAME=COUNT>", "--operation-delay <SECONDS>")]
    [InlineData("validate", "--config <FILE> (REQUIRED)")]
    [InlineData("simulate", "--config <FILE> (REQUIRED)", "--trace <FILE>", "--initial-replicas <COUNT>", "--duration <SECONDS>", "--model <MODEL>", "--arrivals <FILE>", "--service-rate <RATE>", "--start-delay <SECONDS>", "--object <NAME>")]
    [InlineData("explain", "--config <FILE> (REQUIRED)", "--object <NAME>")]
    [InlineData("schema")]
    public async Task Help_Command_DescribesEveryOptionOnce(string command, params string[] options)
    {
        var run = await CliRun.RunAsync(command, "--help");

        run.ExitCode.ShouldBe(0);
        run.Output.ShouldContain($" {command} [options]");
        foreach (var option in options)
        {
            run.Output.ShouldContain(option);
        }
        // A default is shown once, by the parser, not again in the description.
        run.OutputLines.ShouldNotContain(l => l.Contains("(default", StringComparison.Ordinal) && l.Contains("[default:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Help_ImportKeda_DescribesFilesAndTargetOptions()
    {
        var run = await CliRun.RunAsync("import-keda", "--help");

        run.ExitCode.ShouldBe(0);
        run.Output.ShouldContain(" import-keda <FILE>... [options]");
        foreach (var option in (string[])["--project <PROJECT>", "--region <REGION>", "--services"])
        {
            run.Output.ShouldContain(option);
        }
    }
}
