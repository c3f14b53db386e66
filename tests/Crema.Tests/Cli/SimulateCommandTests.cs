using Crema.Tests.Support;

namespace Crema.Tests.Cli;

public sealed class SimulateCommandTests
{
    private const string Header = "time_s,object,trigger,value\n";

    private static string BurstConfig => Path.Combine(RepositoryRoot.Path, "samples", "simulations", "burst", "config.yaml");

    [Fact]
    public async Task Simulate_UnknownObject_ExitsOneNamingTheLine()
    {
        using var files = new TempFiles();
        var trace = files.Write("trace.csv", Header + "0,renderer,backlog,1\n30,painter,backlog,5\n");

        var run = await CliRun.RunAsync("simulate", "--config", BurstConfig, "--trace", trace);

        run.ExitCode.ShouldBe(1);
        run.Output.ShouldBeEmpty();
        run.ErrorLines.ShouldBe([$"{trace}: line 3: unknown scaled object \"painter\"; known: renderer"]);
    }

    [Fact]
    public async Task Simulate_UnknownTrigger_ExitsOneNamingTheLine()
    {
        using var files = new TempFiles();
        var trace = files.Write("trace.csv", Header + "0,renderer,queue,1\n");

        var run = await CliRun.RunAsync("simulate", "-c", BurstConfig, "-t", trace);

        run.ExitCode.ShouldBe(1);
        run.ErrorLines.ShouldBe(
            [$"{trace}: line 2: scaled object \"renderer\" has no trigger \"queue\" (use the trigger's name, or its index when unnamed)"]);
    }

    [Fact]
    public async Task Simulate_BadTraceLines_ExitsOneWithEveryLine()
    {
        using var files = new TempFiles();
        var trace = files.Write("trace.csv", Header + "0,renderer,backlog,1\nsoon,renderer,backlog,1\n30,renderer,backlog\n45,renderer,backlog,many\n");

        var run = await CliRun.RunAsync("simulate", "-c", BurstConfig, "-t", trace);

        run.ExitCode.ShouldBe(1);
        run.Output.ShouldBeEmpty();
        run.ErrorLines.ShouldBe(
        [
            $"{trace}:3: time_s \"soon\" is not a non-negative number",
            $"{trace}:4: expected 4 fields (time_s,object,trigger,value), found 3",
            $"{trace}:5: value \"many\" is not a number or \"error\"",
        ]);
    }

    [Fact]
    public async Task Simulate_WrongHeader_ExitsOne()
    {
        using var files = new TempFiles();
        var trace = files.Write("trace.csv", "t,o,tr,v\n0,renderer,backlog,1\n");

        var run = await CliRun.RunAsync("simulate", "-c", BurstConfig, "-t", trace);

        run.ExitCode.ShouldBe(1);
        run.ErrorLines.ShouldBe([$"{trace}:1: the header must be \"time_s,object,trigger,value\""]);
    }

    [Fact]
    public async Task Simulate_UnreadableTrace_ExitsTwo()
    {
        using var files = new TempFiles();
        var trace = Path.Combine(files.Directory, "absent.csv");

        var run = await CliRun.RunAsync("simulate", "-c", BurstConfig, "-t", trace);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldStartWith($"{trace}: cannot read the trace: ");
    }

    [Fact]
    public async Task Simulate_UnreadableConfig_ExitsTwo()
    {
        using var files = new TempFiles();
        var trace = files.Write("trace.csv", Header);

        var run = await CliRun.RunAsync("simulate", "-c", Path.Combine(files.Directory, "absent.yaml"), "-t", trace);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("cannot read the config file");
    }

    [Fact]
    public async Task Simulate_NoDuration_RunsToLastTraceTimePlus600()
    {
        using var files = new TempFiles();
        var trace = files.Write("trace.csv", Header + "0,renderer,backlog,0\n100,renderer,backlog,25\n");

        var run = await CliRun.RunAsync("simulate", "-c", BurstConfig, "-t", trace);

        run.ExitCode.ShouldBe(0, run.Error);
        var lines = run.OutputLines;
        lines[0].ShouldBe("time_s,object,replicas,active,reason");
        // pollingInterval 15: polls at 0, 15, ..., 690, the last one at or before 100 + 600.
        lines.Length.ShouldBe(1 + 47);
        lines[^1].ShouldStartWith("690,renderer,");
        run.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("renderer: instance-seconds ");
    }

    [Fact]
    public async Task Simulate_DurationAndInitialReplicas_StartsThereAndStopsAtDuration()
    {
        using var files = new TempFiles();
        var trace = files.Write("trace.csv", Header + "0,renderer,backlog,30\n");

        var run = await CliRun.RunAsync("simulate", "-c", BurstConfig, "-t", trace, "--duration", "30", "--initial-replicas", "3");

        run.ExitCode.ShouldBe(0, run.Error);
        run.OutputLines.Skip(1).ShouldBe(
        [
            "0,renderer,3,true,no change: hpa: backlog=30 target=10 -> 3",
            "15,renderer,3,true,no change: hpa: backlog=30 target=10 -> 3",
            "30,renderer,3,true,no change: hpa: backlog=30 target=10 -> 3",
        ]);
        run.ErrorLines.ShouldBe(["renderer: instance-seconds 90, scale changes 0, seconds active at zero replicas 0"]);
    }

    [Theory]
    [InlineData("--duration", "-1", "--duration must be a number of seconds, 0 or more.")]
    [InlineData("--initial-replicas", "-2", "--initial-replicas must be 0 or more.")]
    public async Task Simulate_NegativeOption_ExitsOne(string option, string value, string message)
    {
        using var files = new TempFiles();
        var trace = files.Write("trace.csv", Header);

        var run = await CliRun.RunAsync("simulate", "-c", BurstConfig, "-t", trace, option, value);

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain(message);
    }
}
