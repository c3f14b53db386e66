using System.Text.Json;
using System.Text.RegularExpressions;
using Crema.Host.Daemon;
using Crema.Host.Emulator;

namespace Crema.Tests.Daemon;

/// <summary>
/// Another writer changes the count behind Crema's back (a person, a deployment, a second Crema): Crema
/// must notice by reading the count again now and then, say so once, and restore its decision.
/// </summary>
public sealed class DaemonDriftTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Run_AnotherWriterSetsAboveMaxThenBelowDecision_RestoredWithinTheReadIntervalAndReportedOnce()
    {
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = 10;
        var log = new StringWriter();
        await using var harness = await DaemonHarness.StartAsync(
            DaemonConfigs.Settable((DaemonConfigs.PoolA, "a", 5)), new Dictionary<string, int> { [DaemonConfigs.PoolA] = 1 }, [scalers],
            configure: o => o with { LogFormat = "text", LogOutput = TextWriter.Synchronized(log), LogLevel = Microsoft.Extensions.Logging.LogLevel.Information });
        await harness.AdvanceUntilAsync(async () => await HoldsAsync(harness, 5), Poll, 20, "scaled to the maximum, 5");

        await harness.AddFaultAsync(new EmulatorFault { Target = DaemonConfigs.PoolA, SetCount = 9 });
        var changed = harness.Time.GetUtcNow();
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(DaemonConfigs.PoolA) == 5, Poll, 20, "9 brought back to the maximum");

        (harness.Time.GetUtcNow() - changed).ShouldBeLessThanOrEqualTo(TargetHealthOptions.DefaultReadInterval + Poll, "noticed within one read interval");
        var status = (await harness.ObjectStatusAsync(DaemonConfigs.PoolA)).GetProperty("cloudRun");
        status.GetProperty("drifts").GetInt32().ShouldBe(1);
        status.GetProperty("lastDrift").GetProperty("expected").GetInt32().ShouldBe(5);
        status.GetProperty("lastDrift").GetProperty("found").GetInt32().ShouldBe(9);
        DaemonMetricsText.Value(await harness.MetricsAsync(), "crema_target_drift_total{scaled_object=\"pool-a\"").ShouldBe(1);
        (await harness.Http.GetStringAsync(new Uri(harness.Daemon.BaseAddress, "objects/pool-a"))).ShouldContain("Changed outside Crema 1 time(s)");

        await harness.AddFaultAsync(new EmulatorFault { Target = DaemonConfigs.PoolA, SetCount = 2 });
        await harness.AdvanceUntilAsync(async () => await HoldsAsync(harness, 5), Poll, 30, "2 brought back to the decision, 5");

        var text = log.ToString();
        Regex.Count(text, "has 9 instances, not the 5 Crema last set or read: another writer changed it").ShouldBe(1, text);
        Regex.Count(text, "has 2 instances, not the 5 Crema last set or read").ShouldBe(1, text);
        DaemonMetricsText.Value(await harness.MetricsAsync(), "crema_target_drift_total{scaled_object=\"pool-a\"").ShouldBe(2);
        // Crema's own writes stay within [min, max]: 1 -> 4 -> 5 (the HPA step limit), 9 -> 5, 2 -> 4 -> 5.
        (await harness.HistoryAsync(DaemonConfigs.PoolA)).ShouldBe([1, 4, 5, 9, 5, 2, 4, 5]);
    }

    [Theory]
    [InlineData(15, 4)]
    [InlineData(30, 2)]
    [InlineData(0, 60)]
    public async Task Run_HoldingSteady_ReadsTheCountOncePerReadInterval(int readIntervalSeconds, int expectedReads)
    {
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = 3;
        await using var harness = await DaemonHarness.StartAsync(
            DaemonConfigs.Settable((DaemonConfigs.PoolA, "a", 10)), new Dictionary<string, int> { [DaemonConfigs.PoolA] = 3 }, [scalers],
            configure: o => o with { TargetHealth = o.TargetHealth with { ReadInterval = TimeSpan.FromSeconds(readIntervalSeconds) } });
        await harness.AdvanceUntilAsync(async () => await HoldsAsync(harness, 3), Poll, 20, "first poll holds 3");
        var before = DaemonMetricsText.CloudRunCalls(await harness.MetricsAsync(), "get");

        for (var i = 0; i < 60; i++)
        {
            await harness.StepAsync(Poll, DaemonConfigs.PoolA);
        }

        var reads = DaemonMetricsText.CloudRunCalls(await harness.MetricsAsync(), "get") - before;
        reads.ShouldBeInRange(expectedReads - 1, expectedReads, $"GETs in 60 polls with a read interval of {readIntervalSeconds} s");
        DaemonMetricsText.CloudRunCalls(await harness.MetricsAsync(), "patch").ShouldBe(0);
    }

    [Fact]
    public async Task Run_OnlyCremaWrites_NoDriftReported()
    {
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = 3;
        var log = new StringWriter();
        await using var harness = await DaemonHarness.StartAsync(
            DaemonConfigs.Settable((DaemonConfigs.PoolA, "a", 10)), new Dictionary<string, int> { [DaemonConfigs.PoolA] = 0 }, [scalers],
            operationDelays: new Dictionary<string, TimeSpan> { [DaemonConfigs.PoolA] = TimeSpan.FromSeconds(3) },
            configure: o => o with { LogFormat = "text", LogOutput = TextWriter.Synchronized(log), LogLevel = Microsoft.Extensions.Logging.LogLevel.Information });

        foreach (var value in new[] { 3, 6, 9 })
        {
            scalers.Values["a"] = value;
            await harness.AdvanceUntilAsync(async () => await HoldsAsync(harness, value), Poll, 30, $"scaled to {value}");
            for (var i = 0; i < 20; i++)
            {
                await harness.StepAsync(Poll, DaemonConfigs.PoolA);
            }
        }

        (await harness.ObjectStatusAsync(DaemonConfigs.PoolA)).GetProperty("cloudRun").GetProperty("drifts").GetInt32().ShouldBe(0);
        DaemonMetricsText.Value(await harness.MetricsAsync(), "crema_target_drift_total{").ShouldBeNull();
        log.ToString().ShouldNotContain("another writer");
    }

    private static async Task<bool> HoldsAsync(DaemonHarness harness, int count)
    {
        var status = await harness.ObjectStatusAsync(DaemonConfigs.PoolA);
        return status.GetProperty("lastDecision").GetString() == $"hold {count}" && status.GetProperty("current").ValueKind == JsonValueKind.Number
            && await harness.InstancesAsync(DaemonConfigs.PoolA) == count;
    }
}
