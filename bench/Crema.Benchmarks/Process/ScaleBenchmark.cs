using System.Diagnostics;
using System.Globalization;

namespace Crema.Benchmarks.Process;

/// <summary>
/// Many objects polling every 30 s from one daemon: time until each has been polled once, CPU (from /proc) and
/// memory over three intervals of steady running, how late polls come, how evenly they spread over the
/// interval, and the size and time of one /metrics scrape.
/// </summary>
internal static class ScaleBenchmark
{
    private const int PollingSeconds = 30;

    public static async Task RunAsync(TextWriter output, int objects, TimeSpan window)
    {
        await using var rig = await BenchRig.StartAsync(objects, PollingSeconds).ConfigureAwait(false);
        var allPolled = await rig.WaitForFirstPollsAsync(TimeSpan.FromMinutes(3)).ConfigureAwait(false);
        var firstPolls = Stats.Seconds(rig.Crema.StartedAt, allPolled);

        var from = Stopwatch.GetTimestamp();
        var cpuFrom = rig.Crema.CpuSeconds();
        var rss = new List<long>();
        while (Stats.Seconds(from, Stopwatch.GetTimestamp()) < window.TotalSeconds)
        {
            await Task.Delay(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
            rss.Add(rig.Crema.Memory().Rss);
        }
        var to = Stopwatch.GetTimestamp();
        var cores = (rig.Crema.CpuSeconds() - cpuFrom) / Stats.Seconds(from, to);
        var peak = rig.Crema.Memory().Peak;

        // Lateness: how much more than one interval passed between two polls of an object (the loops' jitter
        // only ever shortens a wait, so anything over the interval is delay).
        var lateness = new List<double>();
        var perSecond = new Dictionary<long, int>();
        foreach (var name in rig.Names)
        {
            var polls = rig.Source.PollsOf(name);
            for (var i = 1; i < polls.Length; i++)
            {
                if (polls[i] >= from && polls[i] <= to)
                {
                    lateness.Add(Math.Max(0, Stats.Seconds(polls[i - 1], polls[i]) - PollingSeconds));
                    var second = (polls[i] - from) / Stopwatch.Frequency;
                    perSecond[second] = perSecond.GetValueOrDefault(second) + 1;
                }
            }
        }

        var scrape = Stopwatch.StartNew();
        var metrics = await rig.Http.GetByteArrayAsync(new Uri(rig.Status, "metrics")).ConfigureAwait(false);
        scrape.Stop();

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scale {objects} objects, polling every {PollingSeconds} s, {window.TotalSeconds:N0} s measured"));
        output.WriteLine($"  every object polled once after start: {Stats.S(firstPolls)}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  CPU: {cores:N3} cores"));
        output.WriteLine($"  RSS: {Stats.Mb(rss.Min())}-{Stats.Mb(rss.Max())} (peak {Stats.Mb(peak)}); per object above an idle daemon: see 'start'");
        output.WriteLine($"  poll lateness p99 / max: {Stats.Ms(Stats.Percentile(lateness, 99))} / {Stats.Ms(lateness.DefaultIfEmpty().Max())} ({lateness.Count} polls)");
        var mean = lateness.Count / window.TotalSeconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  polls per second: mean {mean:N0}, busiest second {perSecond.Values.DefaultIfEmpty().Max():N0} (even spread: about the mean)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  /metrics: {metrics.Length / 1024.0 / 1024.0:N1} MB, {metrics.Count(b => b == (byte)'\n'):N0} lines, {Stats.Ms(scrape.Elapsed.TotalSeconds)}"));
    }
}
