using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Crema.Host.Emulator;

namespace Crema.Tests.Daemon;

/// <summary>
/// Cloud Run refusing one target for a while (etag conflicts, 403, a deleted pool): Crema backs that target
/// off instead of calling every poll, logs the problem once and its end once, shows it on /status and
/// /metrics, never leaves [min, max] nor goes to zero because of it, and lands on its decision once it clears.
/// </summary>
public sealed class DaemonTargetBackoffTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private const string Series = "{scaled_object=\"pool-a\",target=\"" + DaemonConfigs.PoolA + "\"";

    [Fact]
    public async Task Run_FiftyConflictsInARow_BacksOffLogsOnceAndLandsOnceTheyStop()
    {
        var (harness, scalers, log) = await StartAsync(initial: 1);
        await using var _ = harness;
        var before = await CallsAsync(harness);

        await harness.AddFaultAsync(new EmulatorFault { Target = DaemonConfigs.PoolA, Conflicts = 50 });
        scalers.Values["a"] = 3;
        for (var i = 0; i < 15; i++)
        {
            await harness.StepAsync(Poll, DaemonConfigs.PoolA);
        }

        var (gets, patches) = Minus(await CallsAsync(harness), before);
        // Without back-off: 39 GETs and 39 PATCHes in these 15 s. With it: the first conflict retried at once,
        // then attempts after 1, 2, 4 and 8 s (each delay jittered by at most 20 %).
        patches.ShouldBeInRange(4, 6);
        gets.ShouldBeInRange(3, 6);
        var status = (await harness.ObjectStatusAsync(DaemonConfigs.PoolA)).GetProperty("cloudRun");
        status.GetProperty("state").GetString().ShouldBe("conflict");
        status.GetProperty("canScale").GetBoolean().ShouldBeFalse();
        status.GetProperty("nextAttemptAt").ValueKind.ShouldBe(JsonValueKind.String);
        DaemonMetricsText.Value(await harness.MetricsAsync(), "crema_target_can_scale" + Series).ShouldBe(0);
        DaemonMetricsText.Value(await harness.MetricsAsync(), StateSeries("conflict")).ShouldBe(1);
        PoolLines(log).Count.ShouldBe(1, log.ToString());

        await ClearFaultsAsync(harness);
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(DaemonConfigs.PoolA) == 3, Poll, 40, "scale lands once the conflicts stop");

        await harness.AdvanceUntilAsync(async () => (await harness.ObjectStatusAsync(DaemonConfigs.PoolA)).GetProperty("cloudRun").GetProperty("state").GetString() == "ok",
            Poll, 5, "state back to ok");
        var lines = PoolLines(log);
        lines.Count.ShouldBe(3, log.ToString());
        lines[0].ShouldContain("WARNING");
        lines[0].ShouldContain("changed concurrently");
        lines.ShouldContain(l => l.Contains("can be read and scaled again", StringComparison.Ordinal));
        lines.ShouldContain(l => l.Contains("scale 1 -> 3", StringComparison.Ordinal));
        DaemonMetricsText.Value(await harness.MetricsAsync(), "crema_target_can_scale" + Series).ShouldBe(1);
        (await harness.HistoryAsync(DaemonConfigs.PoolA)).ShouldBe([1, 3]);
    }

    [Fact]
    public async Task Run_PermissionDeniedOnEveryPatch_BacksOffUpToTheCapLogsOnceAndRecovers()
    {
        var (harness, scalers, log) = await StartAsync(initial: 2);
        await using var _ = harness;
        var before = await CallsAsync(harness);

        await harness.AddFaultAsync(new EmulatorFault { Target = DaemonConfigs.PoolA, Status = 403, Method = "PATCH", Count = 10_000 });
        scalers.Values["a"] = 4;
        for (var i = 0; i < 120; i++)
        {
            await harness.StepAsync(Poll, DaemonConfigs.PoolA);
        }

        var (gets, patches) = Minus(await CallsAsync(harness), before);
        // Without back-off: a GET and a PATCH every poll, 120 of each. With it: attempts 5, 10, 20, 40 s apart.
        patches.ShouldBeInRange(4, 6);
        gets.ShouldBeInRange(1, 6);
        var status = await harness.ObjectStatusAsync(DaemonConfigs.PoolA);
        status.GetProperty("current").GetInt32().ShouldBe(2, "a refused update leaves the count known");
        status.GetProperty("lastScaleError").GetString()!.ShouldContain("403");
        status.GetProperty("lastDecision").GetString()!.ShouldStartWith("hold 2: cannot scale to 4 (forbidden)");
        var target = status.GetProperty("cloudRun");
        target.GetProperty("state").GetString().ShouldBe("forbidden");
        target.GetProperty("canScale").GetBoolean().ShouldBeFalse();
        target.GetProperty("consecutiveFailures").GetInt32().ShouldBe(patches);
        var metrics = await harness.MetricsAsync();
        DaemonMetricsText.Value(metrics, "crema_target_can_scale" + Series).ShouldBe(0);
        DaemonMetricsText.Value(metrics, StateSeries("forbidden")).ShouldBe(1);
        DaemonMetricsText.Value(metrics, "crema_target_consecutive_failures" + Series).ShouldBe(patches);
        (await harness.Http.GetStringAsync(new Uri(harness.Daemon.BaseAddress, "objects/pool-a"))).ShouldContain($"Cannot scale (forbidden): {patches} failed attempts since");
        var failing = PoolLines(log);
        failing.Count.ShouldBe(1, log.ToString());
        failing[0].ShouldContain("ERROR");
        failing[0].ShouldContain("403");

        await ClearFaultsAsync(harness);
        // The back-off reached 80 s (+20 % jitter) by now: the fixed permission is noticed within that.
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(DaemonConfigs.PoolA) == 4, Poll, 100, "scale lands once the permission is back");

        PoolLines(log).Count(l => l.Contains("can be read and scaled again", StringComparison.Ordinal)).ShouldBe(1, log.ToString());
        (await harness.HistoryAsync(DaemonConfigs.PoolA)).ShouldBe([2, 4], "never another count, never zero");
        var recovered = (await harness.ObjectStatusAsync(DaemonConfigs.PoolA)).GetProperty("cloudRun");
        recovered.GetProperty("state").GetString().ShouldBe("ok");
        recovered.GetProperty("canScale").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Run_PoolDeletedThenRecreated_BacksOffReadsLogsOnceAndRestoresTheDecision()
    {
        var (harness, _, log) = await StartAsync(initial: 2);
        await using var __ = harness;
        var before = await CallsAsync(harness);

        await harness.AddFaultAsync(new EmulatorFault { Target = DaemonConfigs.PoolA, Delete = true });
        for (var i = 0; i < 120; i++)
        {
            await harness.StepAsync(Poll, DaemonConfigs.PoolA);
        }

        var (gets, patches) = Minus(await CallsAsync(harness), before);
        // Noticed by the periodic read (15 s), then reads 5, 10, 20 and 40 s apart; never a PATCH.
        gets.ShouldBeInRange(4, 6);
        patches.ShouldBe(0);
        var status = await harness.ObjectStatusAsync(DaemonConfigs.PoolA);
        status.GetProperty("current").ValueKind.ShouldBe(JsonValueKind.Null);
        status.GetProperty("lastScaleError").GetString()!.ShouldContain("404");
        status.GetProperty("reason").GetString()!.ShouldContain("next attempt at");
        status.GetProperty("cloudRun").GetProperty("state").GetString().ShouldBe("not_found");
        DaemonMetricsText.Value(await harness.MetricsAsync(), StateSeries("not_found")).ShouldBe(1);
        PoolLines(log).Count.ShouldBe(1, log.ToString());

        using (var response = await harness.Http.PostAsJsonAsync(new Uri(harness.Emulator.BaseAddress, "emulator/targets"), new { name = DaemonConfigs.PoolA, count = 0 }))
        {
            response.EnsureSuccessStatusCode();
        }
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(DaemonConfigs.PoolA) == 2, Poll, 100, "the recreated pool gets the decision back");

        PoolLines(log).Count(l => l.Contains("can be read and scaled again", StringComparison.Ordinal)).ShouldBe(1, log.ToString());
        // 2 (Crema's), 0 (recreated by someone else), then Crema's again: from zero to one first, as KEDA does, then 2.
        (await harness.HistoryAsync(DaemonConfigs.PoolA)).ShouldBe([2, 0, 1, 2]);
    }

    // Labels come sorted: the state sits between the object and the target.
    private static string StateSeries(string state) => $"crema_target_state{{scaled_object=\"pool-a\",state=\"{state}\",target=\"{DaemonConfigs.PoolA}\"}}";

    private static async Task<(DaemonHarness Harness, SettableScalerFactory Scalers, StringWriter Log)> StartAsync(int initial)
    {
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = initial;
        var log = new StringWriter();
        var harness = await DaemonHarness.StartAsync(
            DaemonConfigs.Settable((DaemonConfigs.PoolA, "a", 10)), new Dictionary<string, int> { [DaemonConfigs.PoolA] = initial }, [scalers],
            configure: o => o with
            {
                LogFormat = "text",
                LogOutput = TextWriter.Synchronized(log),
                LogLevel = Microsoft.Extensions.Logging.LogLevel.Information,
                // Jitter pinned to its middle (a factor of 1) so the call counts are exact enough to assert.
                TargetHealth = o.TargetHealth with { Random = () => 0.5 },
            });
        await harness.AdvanceUntilAsync(async () => (await harness.ObjectStatusAsync(DaemonConfigs.PoolA)).GetProperty("lastDecision").GetString() == $"hold {initial}",
            Poll, 20, "first poll holds");
        return (harness, scalers, log);
    }

    private static async Task<(int Gets, int Patches)> CallsAsync(DaemonHarness harness)
    {
        var metrics = await harness.MetricsAsync();
        return (DaemonMetricsText.CloudRunCalls(metrics, "get"), DaemonMetricsText.CloudRunCalls(metrics, "patch"));
    }

    private static (int Gets, int Patches) Minus((int Gets, int Patches) after, (int Gets, int Patches) before) =>
        (after.Gets - before.Gets, after.Patches - before.Patches);

    private static List<string> PoolLines(StringWriter log) =>
        [.. log.ToString().Split('\n').Where(l => l.Contains("Crema.ScalingLoop[", StringComparison.Ordinal) && l.Contains("pool-a", StringComparison.Ordinal))];

    private static async Task ClearFaultsAsync(DaemonHarness harness)
    {
        using var response = await harness.Http.DeleteAsync(new Uri(harness.Emulator.BaseAddress, "emulator/faults"));
        response.EnsureSuccessStatusCode();
    }
}
