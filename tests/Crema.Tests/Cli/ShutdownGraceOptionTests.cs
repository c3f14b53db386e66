using System.Text.RegularExpressions;
using Crema.Host.Cli;
using Crema.Host.Daemon;
using Crema.Tests.Support;

namespace Crema.Tests.Cli;

/// <summary>The shutdown grace of `crema run`, and the grace periods the deployment files give it.</summary>
public sealed class ShutdownGraceOptionTests
{
    [Theory]
    [InlineData(null, null, 8)]
    [InlineData("3", "20", 3)]
    [InlineData(null, "20", 20)]
    [InlineData("0", null, 0)]
    [InlineData(null, " 2.5 ", 2.5)]
    public void TryResolve_OptionThenVariableThenDefault(string? option, string? variable, double expectedSeconds)
    {
        ShutdownGraceOption.TryResolve(option, name => name == ShutdownGraceOption.Variable ? variable : null, out var grace, out var error).ShouldBeTrue(error);

        grace.ShouldBe(TimeSpan.FromSeconds(expectedSeconds));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("8s\u001b[2J")]
    [InlineData("3601")]
    public void TryResolve_NotSecondsInRange_NamesTheSourceAndEscapesTheValue(string variable)
    {
        ShutdownGraceOption.TryResolve(null, name => name == ShutdownGraceOption.Variable ? variable : null, out _, out var error).ShouldBeFalse();

        error.ShouldStartWith("CREMA_SHUTDOWN_GRACE: \"");
        error!.ShouldContain("is not a number of seconds from 0 to 3600");
        error.ShouldNotContain("\u001b");
    }

    [Fact]
    public async Task Run_InvalidShutdownGrace_ExitsOneBeforeReadingAnyConfig()
    {
        var run = await CliRun.RunAsync("run", "--shutdown-grace", "soon");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("--shutdown-grace: \"soon\" is not a number of seconds");
    }

    [Fact]
    public void ShutdownGrace_Default_FitsCloudRunsTenSecondsWithRoomToExit()
    {
        var grace = new ShutdownGrace(ShutdownGrace.Default, TimeProvider.System);

        grace.Grace.ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(8));
        grace.UpdatesGrace.ShouldBe(TimeSpan.FromSeconds(7), "updates are given up a second before the end");
        new ShutdownGrace(TimeSpan.FromSeconds(2), TimeProvider.System).UpdatesGrace.ShouldBe(TimeSpan.FromSeconds(1.5), "a quarter of a short grace");
    }

    [Fact]
    public void Samples_CloudRunService_SetTheDefaultGraceInsideCloudRunsFixedTenSeconds()
    {
        var service = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "samples", "cloud-run", "service.yaml"));
        var deploy = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "samples", "cloud-run", "deploy.sh"));

        Regex.Match(service, @"name: CREMA_SHUTDOWN_GRACE\s+value: ""(\d+)""").Groups[1].Value.ShouldBe("8");
        deploy.ShouldContain("- {name: CREMA_SHUTDOWN_GRACE, value: \"8\"}");   // the manifest deploy.sh writes
    }

    [Fact]
    public void HelmChart_ShutdownGrace_TwoSecondsInsideTerminationGracePeriod()
    {
        var values = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "charts", "crema", "values.yaml"));
        var deployment = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "charts", "crema", "templates", "deployment.yaml"));

        Regex.Match(values, @"(?m)^terminationGracePeriodSeconds: (\d+)$").Groups[1].Value.ShouldBe("30");
        deployment.ShouldContain("terminationGracePeriodSeconds: {{ .Values.terminationGracePeriodSeconds }}");
        Regex.IsMatch(deployment, @"- name: CREMA_SHUTDOWN_GRACE\s+value: \{\{ max 0 \(sub \(int \.Values\.terminationGracePeriodSeconds\) 2\) \| quote \}\}").ShouldBeTrue(deployment);
    }
}
