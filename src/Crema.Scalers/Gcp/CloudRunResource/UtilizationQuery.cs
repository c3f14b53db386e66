using Crema.Scalers.Gcp.Monitoring;

namespace Crema.Scalers.Gcp.CloudRunResource;

/// <summary>
/// How a target's utilization is asked of Cloud Monitoring and read back. The metrics
/// <c>run.googleapis.com/container/{cpu,memory}/utilizations</c> are DELTA DISTRIBUTION metrics in units of
/// <c>10^2.%</c> (a fraction of the instance's limit, 0.42 = 42 %): each minute holds one sample per running instance,
/// one series per revision. ALIGN_DELTA keeps each minute a distribution and REDUCE_SUM merges the revisions'
/// distributions into one, so the mean is over every instance sample of the target, each counted once: the
/// average the HPA takes across pods (sum of usage / sum of requests, for instances of equal size). ALIGN_MEAN with
/// REDUCE_MEAN would instead average per-revision means, weighting a revision with one instance like one with fifty.
/// </summary>
internal static class UtilizationQuery
{
    /// <summary>
    /// How far back to look. Cloud Run samples each minute and Cloud Monitoring shows a sample up to 180 s later,
    /// so the newest complete minute is 1-4 minutes old; 5 minutes always holds it, and not so much more that a
    /// target whose instances stopped reporting keeps an old figure for long.
    /// </summary>
    public static readonly TimeSpan Lookback = TimeSpan.FromMinutes(5);

    /// <summary>One minute: the metric's own sampling period, so each aligned point is one round of samples.</summary>
    public static readonly TimeSpan AlignmentPeriod = TimeSpan.FromSeconds(60);

    /// <summary>The Cloud Monitoring metric type for <c>cpu</c> or <c>memory</c>.</summary>
    public static string MetricType(string resource) => $"run.googleapis.com/container/{resource}/utilizations";

    /// <summary>The filter: the metric, the target's monitored resource type, its name and its region.</summary>
    public static string Filter(string resource, CloudRunTarget target) => MonitoringFilter.And(
        MonitoringFilter.Equal("metric.type", MetricType(resource)),
        MonitoringFilter.Equal("resource.type", target.ResourceType),
        MonitoringFilter.Equal("resource.labels." + target.NameLabel, target.Name),
        MonitoringFilter.Equal("resource.labels.location", target.Location));

    /// <summary>The list call for the window ending at <paramref name="now"/>.</summary>
    public static TimeSeriesQuery Build(string resource, CloudRunTarget target, DateTimeOffset now) =>
        new(target.Project, Filter(resource, target), now - Lookback, now, new MonitoringAggregation(AlignmentPeriod, "ALIGN_DELTA", "REDUCE_SUM"));

    /// <summary>
    /// The newest aligned minute that holds samples, or null when none does. Should the API return several series
    /// (it merges them into one), the minute's distributions are merged here the same way, weighted by their counts.
    /// Points without samples (count 0) or with a non-finite mean are skipped, never read as 0 %; so is a minute whose
    /// means are too large to average (no real utilization is): then the query has no value (null), rather than an older minute.
    /// </summary>
    public static UtilizationSample? Newest(TimeSeriesList list)
    {
        var minutes = list.Series
            .SelectMany(s => s.Points)
            .Select(p => (p.EndTime, Count: p.Distribution?.Count ?? (p.Number is null ? 0 : 1), Mean: p.Distribution?.Mean ?? p.Number ?? double.NaN))
            .Where(p => p.Count > 0 && double.IsFinite(p.Mean))
            .GroupBy(p => p.EndTime)
            .MaxBy(g => g.Key);
        if (minutes is null)
        {
            return null;
        }
        var samples = minutes.Aggregate(0L, (sum, p) => p.Count > long.MaxValue - sum ? long.MaxValue : sum + p.Count);
        // Each mean weighted by its share of the samples, so neither the counts nor count x mean can overflow.
        var total = minutes.Sum(p => (double)p.Count);
        var percent = Math.Max(0, minutes.Sum(p => p.Count / total * p.Mean)) * 100;
        return double.IsFinite(percent) ? new UtilizationSample(percent, samples, minutes.Key) : null;
    }
}
