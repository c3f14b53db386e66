using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;

namespace Crema.Tests.Fuzzing;

/// <summary>
/// One parser under fuzzing: its inputs (an FsCheck generator of generated and mutated texts), how to feed
/// one in, and which exception types it documents. The property, checked for every input: it ends within
/// <see cref="HangAfter"/>, throws nothing but a documented type, whose message passes <see cref="FuzzOracle.Check"/>
/// (one safe line, no planted secret), allocates a bounded amount, and passes the target's own check of the result.
/// </summary>
internal sealed class FuzzTarget(string name, Gen<string> inputs, Func<string, string?> run, params Type[] documented)
{
    /// <summary>Far above any parse (the slowest takes milliseconds); only a guard against endless loops.</summary>
    public static readonly TimeSpan HangAfter = TimeSpan.FromSeconds(10);

    private const int Batch = 500;
    private const int KeptFailures = 5;

    public string Name { get; } = name;

    /// <summary>The most one input may allocate: 64 MiB plus 512 bytes per input character.</summary>
    public static long MemoryBound(string input) => (64L << 20) + (512L * input.Length);

    /// <summary>Feeds <paramref name="count"/> inputs drawn with <paramref name="seed"/> (the same seed draws the same inputs).</summary>
    public FuzzReport Run(int count, ulong seed)
    {
        var clock = Stopwatch.StartNew();
        var failures = new List<FuzzFailure>();
        var failureCount = 0;
        long maxAllocated = 0;
        var done = 0;
        for (var batch = 0; done < count; batch++)
        {
            var size = 1 + (batch * 37 % 100);
            var drawn = inputs.Sample(Math.Min(Batch, count - done), new Rnd(seed + (ulong)batch), size);
            foreach (var drawnInput in drawn)
            {
                // As every text reaches Crema: decoded from UTF-8 bytes (a file, an HTTP body), so with no lone surrogate.
                var input = System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(drawnInput));
                var (problem, allocated) = Feed(input);
                maxAllocated = Math.Max(maxAllocated, allocated);
                done++;
                if (problem is null)
                {
                    continue;
                }
                failureCount++;
                if (failures.Count < KeptFailures)
                {
                    failures.Add(new FuzzFailure(input, problem));
                }
                if (problem.StartsWith("hang", StringComparison.Ordinal))
                {
                    // The hung call still runs on its thread: stop here rather than pile more up.
                    return new FuzzReport(Name, done, failures, failureCount, maxAllocated, clock.Elapsed);
                }
            }
        }
        return new FuzzReport(Name, done, failures, failureCount, maxAllocated, clock.Elapsed);
    }

    /// <summary>Runs one input; the broken property (or null) and the bytes the call allocated.</summary>
    public (string? Problem, long Allocated) Feed(string input)
    {
        var call = Task.Run(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            string? problem;
            try
            {
                problem = run(input);
            }
            catch (Exception e) when (documented.Any(t => t.IsInstanceOfType(e)))
            {
                problem = FuzzOracle.Check(e.Message, $"the {e.GetType().Name}'s message");
            }
            catch (Exception e)
            {
                problem = $"{e.GetType().FullName}: {e.Message}\n{e.StackTrace}";
            }
            return (problem, GC.GetAllocatedBytesForCurrentThread() - before);
        });
        if (!call.Wait(HangAfter))
        {
            return ($"hang: no end within {HangAfter.TotalSeconds:0} s", 0);
        }
        var (result, allocated) = call.Result;
        if (result is null && allocated > MemoryBound(input))
        {
            result = $"memory: one input allocated {allocated / 1024.0 / 1024:0.0} MiB (bound {MemoryBound(input) / 1024.0 / 1024:0.0} MiB)";
        }
        return (result, allocated);
    }
}
