using System.Globalization;
using Crema.Scalers.Gcp.Monitoring;

namespace Crema.Scalers.Gcp.PubSub;

/// <summary>
/// KEDA's <c>aggregation</c> values expressed as timeSeries.list parameters: each series is
/// aligned with ALIGN_DELTA over 3-minute periods (as KEDA's MQL did), then reduced across series.
/// Meant for distribution metrics (message_sizes, ack_latencies), which Pub/Sub writes as DELTA.
/// </summary>
/// <param name="Name">The aggregation as written.</param>
/// <param name="Parameters">The aggregation.* query parameters.</param>
/// <param name="ValueOf">The number a reduced point stands for.</param>
internal sealed record PubSubAggregation(string Name, MonitoringAggregation Parameters, Func<MonitoringPoint, double?> ValueOf)
{
    /// <summary>KEDA's alignment period for aggregations.</summary>
    public static readonly TimeSpan AlignmentPeriod = TimeSpan.FromMinutes(3);

    /// <summary>Accepted names, for error messages.</summary>
    public const string Accepted = "mean, median, variance, stddev, sum, count, percentile5, percentile50, percentile95, percentile99";

    private const string Aligner = "ALIGN_DELTA";

    /// <summary>Maps a name to parameters; null when the name is not supported.</summary>
    public static PubSubAggregation? Parse(string name)
    {
        var lower = name.Trim().ToLowerInvariant();
        return lower switch
        {
            "mean" => Create(name, "REDUCE_MEAN", ReadingRules.NumberOrMean),
            "median" => Create(name, "REDUCE_PERCENTILE_50", ReadingRules.NumberOrMean),
            "stddev" => Create(name, "REDUCE_STDDEV", ReadingRules.NumberOrMean),
            "variance" => Create(name, "REDUCE_STDDEV", p => ReadingRules.NumberOrMean(p) is { } s ? s * s : null),
            "sum" => Create(name, "REDUCE_SUM", p => p.Distribution is { } d ? d.Count * d.Mean : p.Number),
            "count" => Create(name, "REDUCE_SUM", p => p.Distribution is { } d ? d.Count : p.Number),
            _ when lower.StartsWith("percentile", StringComparison.Ordinal) => Percentile(name, lower["percentile".Length..]),
            _ => null,
        };
    }

    // timeSeries.list reduces only to the 5th, 50th, 95th and 99th percentiles.
    private static PubSubAggregation? Percentile(string name, string digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is 5 or 50 or 95 or 99
            ? Create(name, "REDUCE_PERCENTILE_" + p.ToString("00", CultureInfo.InvariantCulture), ReadingRules.NumberOrMean)
            : null;

    private static PubSubAggregation Create(string name, string reducer, Func<MonitoringPoint, double?> valueOf) =>
        new(name, new MonitoringAggregation(AlignmentPeriod, Aligner, reducer), valueOf);
}
