using System.Diagnostics;
using System.Globalization;

namespace Crema.Benchmarks.Process;

/// <summary>Percentiles and units for the whole-process benchmarks' printed figures.</summary>
internal static class Stats
{
    /// <summary>The nearest-rank percentile <paramref name="p"/> (0-100) of <paramref name="values"/>; NaN when empty.</summary>
    public static double Percentile(IReadOnlyCollection<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static double Seconds(long from, long to) => (to - from) / (double)Stopwatch.Frequency;

    public static string Ms(double seconds) => (seconds * 1000).ToString("N0", CultureInfo.InvariantCulture) + " ms";

    public static string S(double seconds) => seconds.ToString("N2", CultureInfo.InvariantCulture) + " s";

    public static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("N0", CultureInfo.InvariantCulture) + " MB";
}
