using Crema.Host.Cli;

namespace Crema.Tests.Cli;

/// <summary>
/// README's first command. The demo is a wall-clock show, so this smoke test asserts only that it runs
/// end to end on loopback and reports; the scaling itself is covered by the daemon tests on a fake clock.
/// </summary>
public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_ShortRun_PrintsLiveLinesAndSummary()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await CremaCli.RunAsync(["demo", "--duration", "5", "--port", "0"], output, error);

        exitCode.ShouldBe(0, error.ToString());
        var text = output.ToString();
        text.ShouldContain("status page http://127.0.0.1:");
        text.Split('\n').Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\s*\d+s\s+backlog")).ShouldBe(5);
        text.ShouldContain("Summary: ");
    }
}
