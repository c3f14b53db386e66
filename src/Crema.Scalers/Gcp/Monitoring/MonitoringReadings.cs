using System.Globalization;
using Crema.Abstractions;

namespace Crema.Scalers.Gcp.Monitoring;

/// <summary>Turns a list response into a <see cref="MetricReading"/> the same way for every GCP scaler.</summary>
internal static class MonitoringReadings
{
    /// <summary>
    /// The newest point of the first series that has points (the API sends points newest first;
    /// the maximum end time is taken anyway), or null when no series has any.
    /// </summary>
    public static MonitoringPoint? Newest(TimeSeriesList list) =>
        list.Series.FirstOrDefault(s => s.Points.Count > 0)?.Points.MaxBy(p => p.EndTime);

    /// <summary>
    /// The reading for a response. No point: the rules' valueIfNull with a note, or an error with the
    /// rules' message (one stable message, so the host logs it once rather than a storm of variants).
    /// </summary>
    public static MetricReading ToReading(TimeSeriesList list, ReadingRules rules, DateTimeOffset now)
    {
        var withPoints = list.Series.Count(s => s.Points.Count > 0);
        var point = Newest(list);
        if (point is null)
        {
            if (rules.ValueIfNull is not { } fallback)
            {
                throw new InvalidOperationException(rules.NoDataMessage + " Set valueIfNull (for example \"0\") to scale on that value instead.");
            }
            return new MetricReading(fallback, rules.Target, fallback > rules.ActivationValue)
            {
                Note = $"{rules.NoDataMessage} Using valueIfNull {fallback.ToString(CultureInfo.InvariantCulture)}.",
                Details = new Dictionary<string, double> { ["api_requests"] = list.Requests, ["series"] = 0 },
            };
        }
        var value = rules.ValueOf(point)
            ?? throw new InvalidOperationException($"The newest point of {list.Series[0].MetricType} has no numeric value.");
        return new MetricReading(value, rules.Target, value > rules.ActivationValue)
        {
            Note = withPoints > 1 ? $"{withPoints} time series matched; the first one is used." : null,
            Details = new Dictionary<string, double>
            {
                ["api_requests"] = list.Requests,
                ["series"] = withPoints,
                ["point_age_seconds"] = Math.Max(0, (now - point.EndTime).TotalSeconds),
            },
        };
    }
}
