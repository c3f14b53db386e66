namespace Crema.Scalers.Gcp.Monitoring;

/// <summary>One time series of a list response; the API returns points newest first.</summary>
/// <param name="MetricType">The series' <c>metric.type</c>.</param>
/// <param name="ResourceLabels">The monitored resource's labels (project_id, subscription_id...).</param>
/// <param name="Points">Points, newest first, as the API sends them.</param>
internal sealed record TimeSeriesData(
    string MetricType,
    IReadOnlyDictionary<string, string> ResourceLabels,
    IReadOnlyList<MonitoringPoint> Points);
