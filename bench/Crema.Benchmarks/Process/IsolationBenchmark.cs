using System.Globalization;
using Crema.Google.CloudRun;

namespace Crema.Benchmarks.Process;

/// <summary>
/// 100 objects change at once while 0, 1 or 8 of their targets take 60 s per update: how long the other
/// objects' updates take, which slow targets must not lengthen. The write quota is raised so that pacing to
/// the default quota does not hide the effect being measured.
/// </summary>
internal static class IsolationBenchmark
{
    private const int Objects = 100;
    private const int PollingSeconds = 5;

    public static async Task RunAsync(TextWriter output, int slow)
    {
        var slowTargets = Enumerable.Range(0, slow).ToDictionary(i => "o-" + i.ToString("D5", CultureInfo.InvariantCulture), _ => TimeSpan.FromSeconds(60));
        await using var rig = await BenchRig.StartAsync(Objects, PollingSeconds,
            new Dictionary<string, string> { [CloudRunQuota.WritesVariable] = "6000", [CloudRunQuota.ReadsVariable] = "60000" },
            TimeSpan.Zero, slowTargets).ConfigureAwait(false);
        await rig.WaitForFirstPollsAsync(TimeSpan.FromMinutes(1)).ConfigureAwait(false);

        // The slow targets change first and are under way when the others change.
        foreach (var name in slowTargets.Keys)
        {
            rig.Source.Set(name, 3);
        }
        if (slow > 0)
        {
            await BenchRig.WaitUntilAsync(async () => (await rig.CallsAsync().ConfigureAwait(false)).Count(c => c.Method == "patch") >= slow,
                TimeSpan.FromSeconds(PollingSeconds * 3), TimeSpan.FromMilliseconds(20)).ConfigureAwait(false);
        }
        var others = rig.Names.Where(n => !slowTargets.ContainsKey(n)).ToArray();
        var changedAt = DateTimeOffset.UtcNow;
        foreach (var name in others)
        {
            rig.Source.Set(name, 3);
        }
        Dictionary<string, DateTimeOffset> applied = [];
        var done = await BenchRig.WaitUntilAsync(async () =>
        {
            applied = (await rig.HistoryAsync().ConfigureAwait(false))
                .Where(h => h.InstanceCount == 3 && h.Time >= changedAt)
                .GroupBy(h => h.Target).ToDictionary(g => g.Key, g => g.Min(h => h.Time));
            return others.All(n => applied.ContainsKey(BenchRig.PoolOf(n)));
        }, TimeSpan.FromSeconds(120), TimeSpan.FromMilliseconds(50)).ConfigureAwait(false);
        var latencies = others.Where(n => applied.ContainsKey(BenchRig.PoolOf(n)))
            .Select(n => (applied[BenchRig.PoolOf(n)] - changedAt).TotalSeconds).ToArray();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"isolation: {slow} of {Objects} targets with 60 s operations, polling every {PollingSeconds} s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  the other {others.Length}: change to update applied p50 / p99 / max: {Stats.S(Stats.Percentile(latencies, 50))} / {Stats.S(Stats.Percentile(latencies, 99))} / {Stats.S(latencies.DefaultIfEmpty().Max())}{(done ? "" : $" ({latencies.Length} updated within 120 s)")}"));
    }
}
