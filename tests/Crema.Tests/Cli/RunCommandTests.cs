namespace Crema.Tests.Cli;

public sealed class RunCommandTests
{
    [Fact]
    public async Task Run_NoConfigAnywhere_ExitsTwoNamingEverySource()
    {
        var run = await CliRun.RunAsync("run");

        run.ExitCode.ShouldBe(2);
        run.ErrorLines.ShouldBe(
            ["no config: give --config FILE, or set CREMA_CONFIG_YAML (the YAML) or CREMA_CONFIG (a Parameter Manager version name)"]);
        run.Output.ShouldBeEmpty();
    }

    [Fact]
    public async Task Run_MissingConfigFile_ExitsTwo()
    {
        using var files = new TempFiles();
        var path = Path.Combine(files.Directory, "absent.yaml");

        var run = await CliRun.RunAsync("run", "--config", path);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("cannot read the config");
    }

    [Fact]
    public async Task Run_InvalidInlineConfig_ExitsOneWithErrorsNamingTheVariable()
    {
        var environment = new Dictionary<string, string> { ["CREMA_CONFIG_YAML"] = "apiVersion: crema/v1\nkind: CremaConfig\nspec:\n  pollingInterval: 0\n" };

        var run = await CliRun.RunAsync(environment, "run");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("CREMA_CONFIG_YAML:4:");
        run.Error.ShouldContain("spec.pollingInterval");
    }

    [Fact]
    public async Task Run_BadLogFormat_ExitsOne()
    {
        var run = await CliRun.RunAsync("run", "--log-format", "xml");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("xml");
    }
}
