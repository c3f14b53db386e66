using System.Globalization;

namespace Crema.Benchmarks.Process;

/// <summary>
/// One object polling every 5 s: the source's value changes at a random moment, and the time until Cloud Run
/// (the emulator) receives the update is measured, as is the part of it after the poll that saw the change.
/// The lower bound is the wait for the next poll: up to one interval.
/// </summary>
internal static class ReactionBenchmark
{
    private const int PollingSeconds = 5;

    public static async Task RunAsync(TextWriter output, int rounds)
    {
        await using var rig = await BenchRig.StartAsync(1, PollingSeconds).ConfigureAwait(false);
        await rig.WaitForFirstPollsAsync(TimeSpan.FromMinutes(1)).ConfigureAwait(false);
        var name = rig.Names[0];
        var pool = BenchRig.PoolOf(name);
        var random = new Random(7);
        var total = new List<double>();
        var afterPoll = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            await Task.Delay(TimeSpan.FromSeconds(random.NextDouble() * PollingSeconds)).ConfigureAwait(false);
            var writes = (await rig.CallsAsync().ConfigureAwait(false)).Count(c => c.Method == "patch");
            var pollsBefore = rig.Source.PollsOf(name).Length;
            var changedAt = DateTimeOffset.UtcNow;
            var changedTicks = System.Diagnostics.Stopwatch.GetTimestamp();
            rig.Source.Set(name, round % 2 == 0 ? 3 : 2);
            Crema.Host.Emulator.EmulatorCall? patch = null;
            await BenchRig.WaitUntilAsync(async () =>
            {
                patch = (await rig.CallsAsync().ConfigureAwait(false)).Where(c => c.Method == "patch" && c.Target == pool).Skip(writes).FirstOrDefault();
                return patch is not null;
            }, TimeSpan.FromSeconds(PollingSeconds * 4), TimeSpan.FromMilliseconds(5)).ConfigureAwait(false);
            if (patch is null)
            {
                throw new TimeoutException($"round {round}: no update within {PollingSeconds * 4} s of the change");
            }
            var seconds = (patch.Time - changedAt).TotalSeconds;
            total.Add(seconds);
            var seenBy = rig.Source.PollsOf(name).Skip(pollsBefore).First();
            afterPoll.Add(seconds - Stats.Seconds(changedTicks, seenBy));
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reaction, polling every {PollingSeconds} s, {rounds} changes"));
        output.WriteLine($"  source change to PATCH p50 / p99 / max: {Stats.Ms(Stats.Percentile(total, 50))} / {Stats.Ms(Stats.Percentile(total, 99))} / {Stats.Ms(total.Max())}");
        output.WriteLine($"  poll to PATCH p50 / p99 / max: {Stats.Ms(Stats.Percentile(afterPoll, 50))} / {Stats.Ms(Stats.Percentile(afterPoll, 99))} / {Stats.Ms(afterPoll.Max())}");
    }
}
