using System.Globalization;
using Crema.Google.CloudRun;
using Crema.Host.Emulator;

namespace Crema.Benchmarks.Process;

/// <summary>
/// 1,000 objects change at once against 2 s operations: Admin API calls per second and the time until all
/// are updated, paced to the given write quota; then the same with injected 429s, without and with
/// Retry-After, to show one shared back-off and no burst after it.
/// </summary>
internal static class ThrottleBenchmark
{
    private const int PollingSeconds = 10;

    public static async Task RunAsync(TextWriter output, int objects, int writesPerMinute, int throttled)
    {
        await using var rig = await BenchRig.StartAsync(objects, PollingSeconds,
            new Dictionary<string, string> { [CloudRunQuota.WritesVariable] = writesPerMinute.ToString(CultureInfo.InvariantCulture) },
            TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        await rig.WaitForFirstPollsAsync(TimeSpan.FromMinutes(2)).ConfigureAwait(false);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"throttling: {objects} objects changing at once, 2 s operations, write quota {writesPerMinute}/min (CREMA_RUN_WRITES_PER_MINUTE)"));
        await RoundAsync(output, rig, 3, "no faults", null).ConfigureAwait(false);
        await RoundAsync(output, rig, 2, $"{throttled} x 429 without Retry-After", new EmulatorFault { Status = 429, Count = throttled }).ConfigureAwait(false);
        await RoundAsync(output, rig, 3, $"{throttled} x 429 with Retry-After 5 s", new EmulatorFault { Status = 429, Count = throttled, RetryAfterSeconds = 5 }).ConfigureAwait(false);
    }

    private static async Task RoundAsync(TextWriter output, BenchRig rig, int count, string what, EmulatorFault? fault)
    {
        var callsBefore = (await rig.CallsAsync().ConfigureAwait(false)).Length;
        if (fault is not null)
        {
            await rig.FaultAsync(fault).ConfigureAwait(false);
        }
        var changedAt = DateTimeOffset.UtcNow;
        foreach (var name in rig.Names)
        {
            rig.Source.Set(name, count);
        }
        var pools = rig.Names.Select(BenchRig.PoolOf).ToHashSet(StringComparer.Ordinal);
        DateTimeOffset last = changedAt;
        var done = await BenchRig.WaitUntilAsync(async () =>
        {
            var applied = (await rig.HistoryAsync().ConfigureAwait(false)).Where(h => h.Time >= changedAt && h.InstanceCount == count).ToArray();
            var targets = applied.Select(h => h.Target).ToHashSet(StringComparer.Ordinal);
            last = applied.Length > 0 ? applied.Max(h => h.Time) : changedAt;
            return pools.All(targets.Contains);
        }, TimeSpan.FromMinutes(15), TimeSpan.FromMilliseconds(500)).ConfigureAwait(false);
        var calls = (await rig.CallsAsync().ConfigureAwait(false)).Skip(callsBefore).ToArray();
        var perSecond = calls.GroupBy(c => (long)(c.Time - changedAt).TotalSeconds).Select(g => g.Count()).DefaultIfEmpty().Max();
        var patches = calls.Where(c => c.Method == "patch").ToArray();
        var patchesPerSecond = patches.GroupBy(c => (long)(c.Time - changedAt).TotalSeconds).Select(g => g.Count()).DefaultIfEmpty().Max();
        // The injected refusals hit whichever requests come next: updates, operation polls or reads.
        var refused = calls.Count(c => c.Status == 429);
        var lastRefusal = calls.Where(c => c.Status == 429).Select(c => c.Time).DefaultIfEmpty(changedAt).Max();
        var afterRefusals = patches.Where(c => c.Time > lastRefusal).GroupBy(c => (long)(c.Time - lastRefusal).TotalSeconds).Select(g => g.Count()).DefaultIfEmpty().Max();
        output.WriteLine($"  {what}: all updated after {Stats.S((last - changedAt).TotalSeconds)}{(done ? "" : " (NOT all within 15 min)")}");
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"    Admin API calls {calls.Length:N0} ({patches.Length:N0} PATCH; {refused:N0} calls refused with 429); busiest second: {perSecond:N0} calls, {patchesPerSecond:N0} PATCH");
        output.WriteLine(refused > 0 ? summary + string.Create(CultureInfo.InvariantCulture, $"; busiest second after the last 429: {afterRefusals:N0} PATCH") : summary);
    }
}
