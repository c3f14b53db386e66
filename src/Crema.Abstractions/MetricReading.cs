namespace Crema.Abstractions;

/// <summary>
/// One reading of a scaler: the metric value, the target it is compared with (same unit), and
/// whether the source counts as active (KEDA's activation). Values that are NaN, infinite or
/// negative are treated as 0 by the engine.
/// </summary>
/// <param name="Value">The metric value, in the scaler's unit (messages, jobs, lag...).</param>
/// <param name="Target">The target value per replica (AverageValue) or in total (Value); must be &gt; 0.</param>
/// <param name="IsActive">True when the workload should run at all (0 -&gt; 1).</param>
public readonly record struct MetricReading(double Value, double Target, bool IsActive)
{
    /// <summary>
    /// A short human note about how this reading was obtained, shown on /status and logged when it
    /// changes (for example "rate limited until 12:03:00; last good value"). Null when nothing to say.
    /// Must never contain a secret.
    /// </summary>
    public string? Note { get; init; }

    /// <summary>
    /// Extra figures the scaler wants exported on /metrics as <c>crema_scaler_detail</c>
    /// (for example "api_requests" per poll). Names are lower_snake_case. Null when none.
    /// </summary>
    public IReadOnlyDictionary<string, double>? Details { get; init; }
}
