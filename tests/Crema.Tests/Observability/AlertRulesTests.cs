using System.Text.RegularExpressions;
using Crema.Tests.Daemon;
using Crema.Tests.Support;

namespace Crema.Tests.Observability;

/// <summary>
/// samples/alerts/crema.rules.yaml: valid for Prometheus (<c>promtool check rules</c>), each alert firing
/// and staying quiet as its unit tests say (<c>promtool test rules</c>), and reading only series the
/// daemon exports.
/// </summary>
public sealed partial class AlertRulesTests
{
    private static readonly string Directory = Path.Combine(RepositoryRoot.Path, "samples", "alerts");
    private static readonly string[] Expected = ["CremaTriggerFailing", "CremaFallbackActive", "CremaConfigRejected", "CremaDesiredNotCurrent", "CremaCannotScale", "CremaNoLeader"];

    [Fact]
    public async Task CheckRules_Sample_IsValidWithEveryAlertTheIssueAsksFor()
    {
        var (exitCode, output, errors) = await ToolRun.RunAsync("/usr/bin/promtool", ["check", "rules", "crema.rules.yaml"], Directory);

        exitCode.ShouldBe(0, output + errors);
        output.ShouldContain($"SUCCESS: {Expected.Length} rules found");
        AlertNames(await File.ReadAllTextAsync(Path.Combine(Directory, "crema.rules.yaml"))).ShouldBe(Expected, ignoreOrder: true);
    }

    [Fact]
    public async Task TestRules_UnitTests_PassAndCoverEveryAlert()
    {
        var (exitCode, output, errors) = await ToolRun.RunAsync("/usr/bin/promtool", ["test", "rules", "crema.rules.test.yaml"], Directory);

        exitCode.ShouldBe(0, output + errors);
        var tested = TestedAlert().Matches(await File.ReadAllTextAsync(Path.Combine(Directory, "crema.rules.test.yaml"))).Select(m => m.Groups[1].Value).ToHashSet();
        tested.ShouldBe(Expected, ignoreOrder: true);
    }

    [Fact]
    public async Task TestRules_RulesThatNeverFire_FailOnEveryAlert()
    {
        // The unit tests can fail: with every expression replaced by one that never holds, each alert's test does.
        var scratch = System.IO.Directory.CreateTempSubdirectory("crema-rules-").FullName;
        try
        {
            var rules = ExprLine().Replace(await File.ReadAllTextAsync(Path.Combine(Directory, "crema.rules.yaml")), "${indent}expr: vector(0) > 1");
            await File.WriteAllTextAsync(Path.Combine(scratch, "crema.rules.yaml"), rules);
            File.Copy(Path.Combine(Directory, "crema.rules.test.yaml"), Path.Combine(scratch, "crema.rules.test.yaml"));

            var (exitCode, output, errors) = await ToolRun.RunAsync("/usr/bin/promtool", ["test", "rules", "crema.rules.test.yaml"], scratch);

            exitCode.ShouldNotBe(0);
            foreach (var alert in Expected)
            {
                (output + errors).ShouldContain("alertname: " + alert);
            }
        }
        finally
        {
            System.IO.Directory.Delete(scratch, recursive: true);
        }
    }

    [Fact]
    public async Task Rules_EveryMetricName_IsExportedByTheDaemon()
    {
        var exposed = PromQlNames.Exposed(await ExpositionAsync());
        var text = await File.ReadAllTextAsync(Path.Combine(Directory, "crema.rules.yaml"));
        var used = ExprLine().Matches(text).SelectMany(m => PromQlNames.Of(m.Groups["expr"].Value)).ToHashSet();

        used.ShouldContain("crema_target_can_scale");
        used.Except(exposed).ShouldBeEmpty();
    }

    /// <summary>A daemon's /metrics after its first scale (HELP and TYPE lines are there for every instrument, even without a series).</summary>
    internal static async Task<string> ExpositionAsync()
    {
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = 1;
        await using var harness = await DaemonHarness.StartAsync(
            DaemonConfigs.Settable((DaemonConfigs.PoolA, "a", 10)), new Dictionary<string, int> { [DaemonConfigs.PoolA] = 0 }, [scalers]);
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(DaemonConfigs.PoolA) == 1, TimeSpan.FromSeconds(1), 40, "scale to 1");
        return await harness.MetricsAsync();
    }

    private static string[] AlertNames(string rules) => [.. AlertLine().Matches(rules).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"^\s*- alert: (\w+)\s*$", RegexOptions.Multiline)]
    private static partial Regex AlertLine();

    [GeneratedRegex(@"^(?<indent>\s*)expr: (?<expr>.+)$", RegexOptions.Multiline)]
    private static partial Regex ExprLine();

    [GeneratedRegex(@"alertname: (\w+)\s*\n\s*exp_alerts:\s*\n\s*- exp_labels", RegexOptions.Multiline)]
    private static partial Regex TestedAlert();
}
