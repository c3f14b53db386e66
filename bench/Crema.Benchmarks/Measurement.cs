using System.Diagnostics;
using System.Globalization;

namespace Crema.Benchmarks;

/// <summary>
/// A plain timing loop: a warm-up, then as many iterations as fit in the time budget (at least
/// <c>minIterations</c>), reporting the mean time and the bytes this thread allocated per iteration.
/// </summary>
internal sealed record Measurement(string Name, long Iterations, double MeanNanoseconds, double BytesPerIteration)
{
    public double PerSecond => 1e9 / MeanNanoseconds;

    public static Measurement Run(string name, Action action, int minIterations, TimeSpan budget)
    {
        ArgumentNullException.ThrowIfNull(action);
        for (var i = 0; i < Math.Max(1, minIterations / 10); i++)
        {
            action();
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        long iterations = 0;
        // Checking the clock every iteration would dominate sub-microsecond operations, so check per batch.
        var batch = Math.Max(1, minIterations / 10);
        while (iterations < minIterations || clock.Elapsed < budget)
        {
            for (var i = 0; i < batch; i++)
            {
                action();
            }
            iterations += batch;
        }
        clock.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        return new Measurement(name, iterations, clock.Elapsed.TotalNanoseconds / iterations, (double)allocated / iterations);
    }

    public static void WriteHeader(TextWriter output) =>
        output.WriteLine($"{"benchmark",-44} {"iterations",10} {"mean",12} {"per second",14} {"allocated/op",14}");

    public void Write(TextWriter output) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Name,-44} {Iterations,10} {Duration(MeanNanoseconds),12} {PerSecond,14:N0} {Bytes(BytesPerIteration),14}"));

    private static string Duration(double nanoseconds) => nanoseconds switch
    {
        < 1e3 => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds:0.#} ns"),
        < 1e6 => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1e3:0.##} us"),
        < 1e9 => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1e6:0.##} ms"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1e9:0.##} s"),
    };

    private static string Bytes(double bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes:0} B"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024:0.#} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024 / 1024:0.##} MiB"),
    };
}
