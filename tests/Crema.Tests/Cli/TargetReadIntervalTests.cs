using Crema.Host.Cli;

namespace Crema.Tests.Cli;

public sealed class TargetReadIntervalTests
{
    [Theory]
    [InlineData("30", null, 30)]
    [InlineData("0", "60", 0)]
    [InlineData(null, "7.5", 7.5)]
    [InlineData(null, " 45 ", 45)]
    [InlineData(null, null, 15)]
    [InlineData(null, "", 15)]
    public void TryResolve_OptionThenVariableThenFifteenSeconds(string? option, string? variable, double expectedSeconds)
    {
        TargetReadInterval.TryResolve(option, name => name == TargetReadInterval.Variable ? variable : null, out var interval, out var error).ShouldBeTrue();

        interval.ShouldBe(TimeSpan.FromSeconds(expectedSeconds));
        error.ShouldBeNull();
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("soon")]
    [InlineData("NaN")]
    [InlineData("100000")]
    public void TryResolve_NotSecondsFromZeroToADay_FailsNamingTheOption(string option)
    {
        TargetReadInterval.TryResolve(option, _ => null, out _, out var error).ShouldBeFalse();

        error.ShouldBe($"--target-read-interval: \"{option}\" is not a number of seconds from 0 to 86400");
    }

    [Fact]
    public async Task Run_InvalidVariable_ExitsOneNamingIt()
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string> { [TargetReadInterval.Variable] = "1m\u001b[31m" }, "run");

        run.ExitCode.ShouldBe(1);
        run.ErrorLines.ShouldBe(["CREMA_TARGET_READ_INTERVAL: \"1m\\x1b[31m\" is not a number of seconds from 0 to 86400"]);
    }
}
