using System.Globalization;
using System.Text.RegularExpressions;

namespace Crema.Tests.Daemon;

/// <summary>Reads figures out of the daemon's /metrics text.</summary>
internal static partial class DaemonMetricsText
{
    /// <summary>Cloud Run API calls made with <paramref name="method"/> (get, patch, operations.get), every status summed.</summary>
    public static int CloudRunCalls(string metrics, string method) =>
        CallLine().Matches(metrics)
            .Where(m => m.Groups["method"].Value == method)
            .Sum(m => int.Parse(m.Groups["count"].Value, CultureInfo.InvariantCulture));

    /// <summary>The value of the one sample whose name and labels start with <paramref name="series"/>, or null when there is none.</summary>
    public static double? Value(string metrics, string series)
    {
        var line = metrics.Split('\n').SingleOrDefault(l => l.StartsWith(series, StringComparison.Ordinal));
        return line is null ? null : double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("""^crema_cloud_run_api_calls_total\{method="(?<method>[^"]+)",status="\d+",target="[^"]*"\} (?<count>\d+)$""", RegexOptions.Multiline)]
    private static partial Regex CallLine();
}
