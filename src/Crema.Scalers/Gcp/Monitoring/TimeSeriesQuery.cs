namespace Crema.Scalers.Gcp.Monitoring;

/// <summary>One <c>projects.timeSeries.list</c> call: which project, which series, which interval.</summary>
/// <param name="ProjectId">The project whose metrics scope is queried (<c>projects/{ProjectId}</c>).</param>
/// <param name="Filter">A Cloud Monitoring filter; must name exactly one <c>metric.type</c>.</param>
/// <param name="StartTime">Interval start (exclusive for reads).</param>
/// <param name="EndTime">Interval end (inclusive).</param>
/// <param name="Aggregation">Optional alignment and reduction; null sends raw points.</param>
internal sealed record TimeSeriesQuery(
    string ProjectId,
    string Filter,
    DateTimeOffset StartTime,
    DateTimeOffset EndTime,
    MonitoringAggregation? Aggregation = null);
