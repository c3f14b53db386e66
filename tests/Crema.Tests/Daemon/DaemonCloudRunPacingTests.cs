using System.Net.Http.Json;
using Crema.Google.CloudRun;
using Crema.Host.Emulator;

namespace Crema.Tests.Daemon;

/// <summary>
/// How the daemon shares Cloud Run among its objects (on the fake clock, against the emulator): slow
/// operations hold nothing, throttling slows every object together without a burst afterwards, and writes
/// stay within the configured quota.
/// </summary>
public sealed class DaemonCloudRunPacingTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Run_EightTargetsWithMinuteLongOperations_OtherObjectsUpdateWithinSeconds()
    {
        var slow = Pools("slow", 8);
        var fast = Pools("fast", 8);
        var scalers = new SettableScalerFactory();
        await using var harness = await StartAsync(scalers, [.. slow, .. fast],
            operationDelays: slow.ToDictionary(p => p, _ => TimeSpan.FromSeconds(60)),
            environment: new Dictionary<string, string> { [CloudRunQuota.WritesVariable] = "600" });
        await harness.AdvanceUntilAsync(async () => (await CallsAsync(harness)).Count(c => c.Method == "get") == 16, Poll, 20, "every count read once");

        foreach (var pool in slow)
        {
            scalers.Values[Key(pool)] = 3;
        }
        await harness.AdvanceUntilAsync(async () => (await CallsAsync(harness)).Count(c => c.Method == "patch" && c.Status == 200) == 8,
            Poll, 20, "the 8 slow updates sent");
        var changed = harness.Time.GetUtcNow();
        foreach (var pool in fast)
        {
            scalers.Values[Key(pool)] = 3;
        }
        await harness.AdvanceUntilAsync(async () => (await AppliedAsync(harness, fast)).All(a => a is not null), Poll, 10,
            "the other 8 updated while the slow operations run");

        var latencies = (await AppliedAsync(harness, fast)).Select(a => a!.Value - changed).ToArray();
        latencies.Max().ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(3), "a poll interval and an instant operation, not the slow ones' 60 s");
        (await AppliedAsync(harness, slow)).ShouldAllBe(a => a == null, "the slow operations are still running");

        // And they end in their own time (the daemon also waits for them before it stops).
        await harness.AdvanceUntilAsync(async () => (await AppliedAsync(harness, slow)).All(a => a is not null), TimeSpan.FromSeconds(5), 20, "the slow updates applied");
    }

    [Fact]
    public async Task Run_BurstOf429sWithoutRetryAfter_EveryObjectSlowsTogetherAndNoBurstFollows()
    {
        var pools = Pools("p", 20);
        var scalers = new SettableScalerFactory();
        await using var harness = await StartAsync(scalers, pools);
        await harness.AdvanceUntilAsync(async () => (await CallsAsync(harness)).Count(c => c.Method == "get") == 20, Poll, 40, "every count read once");

        await harness.AddFaultAsync(new EmulatorFault { Status = 429, Count = 30 });
        pools.ForEach(p => scalers.Values[Key(p)] = 2);
        // 30 refusals in a row keep the shared rate near its floor (each one, granted after the last back-off,
        // halves it again): about 8 s between writes while they last, then the rate climbs back.
        await harness.AdvanceUntilAsync(async () => (await AppliedAsync(harness, pools)).All(a => a is not null), Poll, 420, "every object updated");

        var patches = (await CallsAsync(harness)).Where(c => c.Method == "patch").ToArray();
        patches.Count(c => c.Status == 429).ShouldBeGreaterThan(0);
        var lastThrottle = patches.Last(c => c.Status == 429).Time;
        // After the last 429 the writes come one at a time at no more than the (halved, recovering) rate:
        // never more than two in any second, where the objects would otherwise all retry at once.
        var after = patches.Where(c => c.Time > lastThrottle).ToArray();
        after.Length.ShouldBeGreaterThan(5);
        MostInWindow(after, TimeSpan.FromSeconds(1)).ShouldBeLessThanOrEqualTo(2);
        MostInWindow(patches, TimeSpan.FromSeconds(60)).ShouldBeLessThanOrEqualTo(60, "the default write quota");
    }

    [Fact]
    public async Task Run_BurstOf429sWithRetryAfter_NoWriteUntilThenAndOneAtATimeAfter()
    {
        var pools = Pools("p", 12);
        var scalers = new SettableScalerFactory();
        await using var harness = await StartAsync(scalers, pools);
        await harness.AdvanceUntilAsync(async () => (await CallsAsync(harness)).Count(c => c.Method == "get") == 12, Poll, 40, "every count read once");

        await harness.AddFaultAsync(new EmulatorFault { Status = 429, Count = 6, RetryAfterSeconds = 10 });
        pools.ForEach(p => scalers.Values[Key(p)] = 2);
        await harness.AdvanceUntilAsync(async () => (await AppliedAsync(harness, pools)).All(a => a is not null), Poll, 200, "every object updated");

        var patches = (await CallsAsync(harness)).Where(c => c.Method == "patch").ToArray();
        var throttled = patches.Where(c => c.Status == 429).ToArray();
        throttled.Length.ShouldBeGreaterThan(0);
        foreach (var refusal in throttled)
        {
            patches.Where(c => c.Time > refusal.Time && c.Time < refusal.Time + TimeSpan.FromSeconds(10)).ShouldBeEmpty(
                $"Retry-After 10 s from the 429 at {refusal.Time:HH:mm:ss.fff} holds every object's writes");
        }
        MostInWindow(patches.Where(c => c.Time > throttled[^1].Time).ToArray(), TimeSpan.FromSeconds(1)).ShouldBeLessThanOrEqualTo(2);
    }

    [Fact]
    public async Task Run_ThirtyObjectsChangingAtOnce_WritesStayWithinTheConfiguredQuota()
    {
        var pools = Pools("p", 30);
        var scalers = new SettableScalerFactory();
        await using var harness = await StartAsync(scalers, pools,
            environment: new Dictionary<string, string> { [CloudRunQuota.WritesVariable] = "12" });
        await harness.AdvanceUntilAsync(async () => (await CallsAsync(harness)).Count(c => c.Method == "get") == 30, Poll, 40, "every count read once");
        var changed = harness.Time.GetUtcNow();

        pools.ForEach(p => scalers.Values[Key(p)] = 2);
        await harness.AdvanceUntilAsync(async () => (await AppliedAsync(harness, pools)).All(a => a is not null), Poll, 400, "every object updated");

        var patches = (await CallsAsync(harness)).Where(c => c.Method == "patch").ToArray();
        patches.Length.ShouldBe(30, "one write each: waiting for the quota is not a failure that writes again");
        MostInWindow(patches, TimeSpan.FromSeconds(60)).ShouldBeLessThanOrEqualTo(12);
        MostInWindow(patches, TimeSpan.FromSeconds(5)).ShouldBeLessThanOrEqualTo(2, "spread over the minute, not in bursts");
        // 12 a minute (one at once, 11 spread): the 30th write about 29 / 11 minutes after the change.
        (patches[^1].Time - changed).ShouldBeLessThan(TimeSpan.FromSeconds(165));
    }

    [Fact]
    public async Task Run_ManyTargetsAndASmallReadQuota_DriftReReadsTakeHalfTheQuotaAndPollsKeepTheirPace()
    {
        var pools = Pools("p", 30);
        var scalers = new SettableScalerFactory();
        await using var harness = await StartAsync(scalers, pools,
            environment: new Dictionary<string, string> { [CloudRunQuota.ReadsVariable] = "60" });
        await harness.AdvanceUntilAsync(async () => (await CallsAsync(harness)).Count(c => c.Method == "get") == 30, Poll, 60, "every count read once");
        var from = harness.Time.GetUtcNow();

        for (var i = 0; i < 120; i++)
        {
            await harness.StepAsync(Poll, pools[^1]);
        }

        var reReads = (await CallsAsync(harness)).Count(c => c.Method == "get" && c.Time > from);
        // Each object would re-read every 15 s (240 reads in two minutes); the budget is half of 60 a minute,
        // plus its first burst of 3.
        reReads.ShouldBeGreaterThan(0, "drift is still looked for");
        reReads.ShouldBeLessThanOrEqualTo(63);
        var status = await harness.StatusAsync();
        foreach (var item in status.GetProperty("scaledObjects").EnumerateArray())
        {
            item.GetProperty("lastPollAt").GetDateTimeOffset().ShouldBeGreaterThanOrEqualTo(harness.Time.GetUtcNow() - Poll - Poll,
                "no poll waits for a re-read the quota cannot afford");
        }
    }

    internal static List<string> Pools(string prefix, int count) =>
        [.. Enumerable.Range(0, count).Select(i => $"projects/e2e/locations/us-central1/workerPools/{prefix}-{i}")];

    internal static string Key(string pool) => pool[(pool.LastIndexOf('/') + 1)..];

    internal static Task<DaemonHarness> StartAsync(
        SettableScalerFactory scalers, IReadOnlyList<string> pools,
        IReadOnlyDictionary<string, TimeSpan>? operationDelays = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        foreach (var pool in pools)
        {
            scalers.Values[Key(pool)] = 1;
        }
        return DaemonHarness.StartAsync(
            DaemonConfigs.Settable([.. pools.Select(p => (p, Key(p), 10))]), pools.ToDictionary(p => p, _ => 1), [scalers],
            operationDelays: operationDelays, environment: environment);
    }

    internal static async Task<EmulatorCall[]> CallsAsync(DaemonHarness harness) =>
        (await harness.Http.GetFromJsonAsync<EmulatorCall[]>(new Uri(harness.Emulator.BaseAddress, "emulator/calls")))!;

    /// <summary>When each pool's count last changed away from its initial 1 (null while it has not).</summary>
    internal static async Task<DateTimeOffset?[]> AppliedAsync(DaemonHarness harness, IReadOnlyList<string> pools)
    {
        var history = (await harness.Http.GetFromJsonAsync<EmulatorHistoryEntry[]>(new Uri(harness.Emulator.BaseAddress, "emulator/history")))!;
        return [.. pools.Select(p => history.LastOrDefault(h => h.Target == p && h.InstanceCount != 1)?.Time)];
    }

    /// <summary>The most calls in any window of <paramref name="width"/> starting at a call.</summary>
    internal static int MostInWindow(IReadOnlyList<EmulatorCall> calls, TimeSpan width) =>
        calls.Count == 0 ? 0 : calls.Max(from => calls.Count(c => c.Time >= from.Time && c.Time < from.Time + width));
}
