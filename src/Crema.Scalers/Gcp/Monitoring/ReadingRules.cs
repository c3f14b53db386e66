namespace Crema.Scalers.Gcp.Monitoring;

/// <summary>How a scaler turns a list response into a reading.</summary>
/// <param name="Target">The target value per replica (or total for metricType Value).</param>
/// <param name="ActivationValue">Active when the value is above this.</param>
/// <param name="ValueIfNull">Value used when no series has a point; null makes that an error.</param>
/// <param name="NoDataMessage">The error (or, with ValueIfNull, the note) when no point was found.</param>
/// <param name="ValueOf">The number a point stands for; null when it has none (a string metric).</param>
internal sealed record ReadingRules(
    double Target,
    double ActivationValue,
    double? ValueIfNull,
    string NoDataMessage,
    Func<MonitoringPoint, double?> ValueOf)
{
    /// <summary>Numbers as they are; distributions by their mean.</summary>
    public static double? NumberOrMean(MonitoringPoint point) => point.Number ?? point.Distribution?.Mean;
}
