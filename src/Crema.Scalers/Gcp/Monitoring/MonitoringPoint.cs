namespace Crema.Scalers.Gcp.Monitoring;

/// <summary>One point of a time series: a number (int64, double or bool as 0/1) or a distribution.</summary>
/// <param name="EndTime">The point's <c>interval.endTime</c>.</param>
/// <param name="Number">The numeric value, or null for distributions and strings.</param>
/// <param name="Distribution">The distribution summary, or null for numbers.</param>
internal sealed record MonitoringPoint(DateTimeOffset EndTime, double? Number, DistributionSummary? Distribution);
