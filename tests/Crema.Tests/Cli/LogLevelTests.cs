using Crema.Host.Cli;
using Microsoft.Extensions.Logging;

namespace Crema.Tests.Cli;

public sealed class LogLevelTests
{
    [Theory]
    [InlineData("debug", null, LogLevel.Debug)]
    [InlineData("error", "trace", LogLevel.Error)]
    [InlineData(null, "WARNING", LogLevel.Warning)]
    [InlineData(null, " trace ", LogLevel.Trace)]
    [InlineData(null, null, LogLevel.Information)]
    [InlineData(null, "", LogLevel.Information)]
    public void TryResolve_OptionThenVariableThenInfo(string? option, string? variable, LogLevel expected)
    {
        LogLevels.TryResolve(option, name => name == LogLevels.Variable ? variable : null, out var level, out var error).ShouldBeTrue();

        level.ShouldBe(expected);
        error.ShouldBeNull();
    }

    [Fact]
    public async Task Run_UnknownLevelInTheVariable_ExitsOneNamingIt()
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string> { [LogLevels.Variable] = "loud\u001b[31m" }, "run");

        run.ExitCode.ShouldBe(1);
        run.ErrorLines.ShouldBe(["CREMA_LOG_LEVEL: \"loud\\x1b[31m\" is not a log level; use one of: trace, debug, info, warning, error"]);
    }

    [Fact]
    public async Task Run_UnknownLevelOption_ExitsOne()
    {
        var run = await CliRun.RunAsync("run", "--log-level", "verbose");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("verbose");
    }
}
