using System.Text.Json;
using Crema.Host.Daemon;

namespace Crema.Tests.Daemon;

/// <summary>
/// Reads that ignore their token and outlive the read timeout: abandoned, never overlapping on one scaler,
/// counted against the per-type bound until they end, and reported on /status and /metrics.
/// </summary>
public sealed class DaemonStrandedReadTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Run_ReadIgnoresItsTokenFor60Seconds_NeverTwoReadsOnOneScalerAndStrandedReported()
    {
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = 2;
        scalers.Hanging["a"] = true;
        await using var harness = await DaemonHarness.StartAsync(
            DaemonConfigs.Settable((DaemonConfigs.PoolA, "a", 10)), new Dictionary<string, int> { [DaemonConfigs.PoolA] = 1 }, [scalers]);
        await scalers.HangStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var started = harness.Time.GetUtcNow();

        await harness.AdvanceUntilAsync(() => Task.FromResult(harness.Time.GetUtcNow() - started >= TimeSpan.FromSeconds(60)), Poll, 70, "60 s of hanging reads");
        await harness.AdvanceUntilAsync(async () => Trigger(await harness.ObjectStatusAsync(DaemonConfigs.PoolA)).GetProperty("strandedReads").GetInt32() == 2, Poll, 5, "two stranded reads shown");

        scalers.MaxReadsOnOneScaler.ShouldBe(1, "IScaler: never two reads at once on one instance");
        scalers.MaxReadsInFlight.ShouldBe(TriggerSet.MaxStrandedPerTrigger, "a trigger stops reading once it has this many abandoned reads");
        scalers.Built.ShouldBe(TriggerSet.MaxStrandedPerTrigger, "each abandoned read keeps its instance; the next read builds a fresh one");
        var trigger = Trigger(await harness.ObjectStatusAsync(DaemonConfigs.PoolA));
        trigger.GetProperty("lastError").GetString()!.ShouldContain("still running");
        (await harness.MetricsAsync()).ShouldContain("crema_trigger_stranded_reads{scaled_object=\"pool-a\",trigger=\"a\",type=\"settable\"} 2");

        scalers.HangRelease.SetResult();
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(DaemonConfigs.PoolA) == 2, Poll, 20, "the source answers again and the pool scales");

        Trigger(await harness.ObjectStatusAsync(DaemonConfigs.PoolA)).GetProperty("strandedReads").GetInt32().ShouldBe(0);
        scalers.Disposed.ShouldBe(TriggerSet.MaxStrandedPerTrigger, "the retired instances are disposed once their reads end");
        scalers.ReadsAfterDispose.ShouldBe(0);
        scalers.MaxReadsOnOneScaler.ShouldBe(1);
    }

    [Fact]
    public async Task Run_FirstReadHangs_StatusShowsTheObjectsBoundsBeforeItsFirstPoll()
    {
        var scalers = new SettableScalerFactory();
        scalers.Hanging["a"] = true;
        await using var harness = await DaemonHarness.StartAsync(
            DaemonConfigs.Settable((DaemonConfigs.PoolA, "a", 7)), new Dictionary<string, int> { [DaemonConfigs.PoolA] = 1 }, [scalers]);
        await scalers.HangStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var status = await harness.ObjectStatusAsync(DaemonConfigs.PoolA);

        status.GetProperty("lastPollAt").ValueKind.ShouldBe(JsonValueKind.Null, "the first poll is still waiting for its read");
        status.GetProperty("maxReplicas").GetInt32().ShouldBe(7, "the object's own maxReplicaCount, not the default 100");
        status.GetProperty("minReplicas").GetInt32().ShouldBe(0);
        scalers.HangRelease.SetResult();
    }

    [Fact]
    public async Task Run_ManyObjectsWithHangingReadsOfOneType_StrandedReadsCountAgainstThePerTypeBound()
    {
        const int Objects = 9; // 9 x 2 abandoned reads would be 18: more than the bound of 16
        var scalers = new SettableScalerFactory();
        var targets = Enumerable.Range(1, Objects).Select(i => $"projects/e2e/locations/us-central1/workerPools/hang-{i}").ToArray();
        foreach (var key in targets.Select((_, i) => $"k{i}"))
        {
            scalers.Values[key] = 1;
            scalers.Hanging[key] = true;
        }
        await using var harness = await DaemonHarness.StartAsync(
            DaemonConfigs.Settable([.. targets.Select((t, i) => (t, $"k{i}", 10))]), targets.ToDictionary(t => t, _ => 1), [scalers]);
        var started = harness.Time.GetUtcNow();

        await harness.AdvanceUntilAsync(() => Task.FromResult(harness.Time.GetUtcNow() - started >= TimeSpan.FromSeconds(40)), Poll, 50, "40 s of hanging reads");

        scalers.MaxReadsInFlight.ShouldBe(16, "abandoned reads keep their place in the per-type bound");
        scalers.MaxReadsOnOneScaler.ShouldBe(1);
        var errors = (await harness.StatusAsync()).GetProperty("scaledObjects").EnumerateArray().Select(o => Trigger(o).GetProperty("lastError").GetString()).ToArray();
        errors.ShouldContain(e => e != null && e.Contains("all 16 concurrent reads of type \"settable\" were in use", StringComparison.Ordinal), string.Join("\n", errors));
        (await harness.HistoryAsync(targets[0])).ShouldBe([1], "hanging sources never scale a target");
    }

    private static JsonElement Trigger(JsonElement scaledObject) => scaledObject.GetProperty("triggers")[0];
}
