using Crema.Host.Cli;

namespace Crema.Tests.Cli;

public sealed class TriggerMetricsOptionTests
{
    [Theory]
    [InlineData("off", "on", false)]
    [InlineData("on", "off", true)]
    [InlineData(null, "off", false)]
    [InlineData(null, " OFF ", false)]
    [InlineData(null, "on", true)]
    [InlineData(null, null, true)]
    [InlineData(null, "", true)]
    public void TryResolve_OptionThenVariableThenOn(string? option, string? variable, bool expected)
    {
        TriggerMetricsOption.TryResolve(option, name => name == TriggerMetricsOption.Variable ? variable : null, out var perTrigger, out var error).ShouldBeTrue();

        perTrigger.ShouldBe(expected);
        error.ShouldBeNull();
    }

    [Fact]
    public void TryResolve_NeitherOnNorOff_FailsNamingTheVariableWithTheValueEscaped()
    {
        TriggerMetricsOption.TryResolve(null, _ => "no\u001b[31m", out _, out var error).ShouldBeFalse();

        error.ShouldBe("CREMA_TRIGGER_METRICS: \"no\\x1b[31m\" is not on or off");
    }

    [Fact]
    public async Task Run_InvalidVariable_ExitsOneNamingIt()
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string> { [TriggerMetricsOption.Variable] = "sometimes" }, "run");

        run.ExitCode.ShouldBe(1);
        run.ErrorLines.ShouldBe(["CREMA_TRIGGER_METRICS: \"sometimes\" is not on or off"]);
    }
}
