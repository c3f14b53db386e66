
namespace Crema.Benchmarks.Process;

/// <summary>One object: process start to its first poll, and the daemon's memory once it has idled.</summary>
internal static class StartBenchmark
{
    public static async Task RunAsync(TextWriter output, TimeSpan idle)
    {
        await using var rig = await BenchRig.StartAsync(1, 30).ConfigureAwait(false);
        var first = await rig.WaitForFirstPollsAsync(TimeSpan.FromMinutes(1)).ConfigureAwait(false);
        var startToPoll = Stats.Seconds(rig.Crema.StartedAt, first);
        await Task.Delay(idle).ConfigureAwait(false);
        var (rss, peak) = rig.Crema.Memory();
        output.WriteLine("start, 1 object");
        output.WriteLine($"  process start to first poll: {Stats.Ms(startToPoll)}");
        output.WriteLine($"  RSS after {idle.TotalSeconds:N0} s idle: {Stats.Mb(rss)} (peak {Stats.Mb(peak)})");
    }
}
