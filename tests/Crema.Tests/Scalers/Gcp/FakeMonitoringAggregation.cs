using System.Globalization;

namespace Crema.Tests.Scalers.Gcp;

/// <summary>
/// The fake's handling of aggregation.*: the API's validation rules are enforced; reduction is
/// emulated roughly (REDUCE_SUM/MEAN/MIN/MAX/COUNT of each series' newest value), enough for
/// end-to-end tests. Exact aligned maths is tested with canned responses instead.
/// </summary>
internal static class FakeMonitoringAggregation
{
    public static string? Check(Dictionary<string, string> query)
    {
        var aligner = query.GetValueOrDefault("aggregation.perSeriesAligner", "ALIGN_NONE");
        var reducer = query.GetValueOrDefault("aggregation.crossSeriesReducer", "REDUCE_NONE");
        var period = query.GetValueOrDefault("aggregation.alignmentPeriod");
        if (!aligner.StartsWith("ALIGN_", StringComparison.Ordinal) || !reducer.StartsWith("REDUCE_", StringComparison.Ordinal))
        {
            return "Invalid value for aggregation.perSeriesAligner or aggregation.crossSeriesReducer.";
        }
        if (aligner != "ALIGN_NONE")
        {
            if (period is null || !period.EndsWith('s')
                || !double.TryParse(period[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds < 60)
            {
                return "The alignment period must be at least 60 seconds.";
            }
        }
        if (reducer != "REDUCE_NONE" && aligner == "ALIGN_NONE")
        {
            return "When a cross-series reducer is specified, a per-series aligner other than ALIGN_NONE must be specified.";
        }
        return null;
    }

    public static List<(FakeSeries Series, IReadOnlyList<(DateTimeOffset EndTime, double Value)> Points)> Reduce(
        Dictionary<string, string> query,
        List<(FakeSeries Series, IReadOnlyList<(DateTimeOffset EndTime, double Value)> Points)> matched,
        DateTimeOffset end)
    {
        var reducer = query.GetValueOrDefault("aggregation.crossSeriesReducer", "REDUCE_NONE");
        if (reducer == "REDUCE_NONE" || matched.Count == 0)
        {
            return matched;
        }
        var first = matched[0].Series;
        if (first.ValueType == "DISTRIBUTION" && reducer == "REDUCE_SUM")
        {
            // Summing distributions merges them: the counts add up and the mean is weighted by them.
            var count = matched.Sum(m => m.Series.SampleCount);
            var mean = count == 0 ? 0 : matched.Sum(m => m.Series.SampleCount * m.Points[0].Value) / count;
            var merged = new FakeSeries
            {
                MetricType = first.MetricType,
                ResourceType = first.ResourceType,
                ResourceLabels = new Dictionary<string, string> { ["project_id"] = first.ResourceLabels["project_id"] },
                ValueType = "DISTRIBUTION",
                MetricKind = first.MetricKind,
                SampleCount = count,
            };
            return [(merged, [(end, mean)])];
        }
        var newest = matched.Select(m => m.Points[0].Value).ToList();
        var value = reducer switch
        {
            "REDUCE_SUM" => newest.Sum(),
            "REDUCE_MIN" => newest.Min(),
            "REDUCE_MAX" => newest.Max(),
            "REDUCE_COUNT" => newest.Count,
            _ => newest.Average(),
        };
        var reduced = new FakeSeries
        {
            MetricType = first.MetricType,
            ResourceType = first.ResourceType,
            ResourceLabels = new Dictionary<string, string> { ["project_id"] = first.ResourceLabels["project_id"] },
            ValueType = reducer is "REDUCE_SUM" or "REDUCE_MIN" or "REDUCE_MAX" ? first.ValueType : "DOUBLE",
        };
        return [(reduced, [(end, value)])];
    }
}
