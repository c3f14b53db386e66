using Crema.Abstractions;

namespace Crema.Scalers.Gcp.CloudRunResource;

/// <summary>Bound metadata of a <c>cpu</c> or <c>memory</c> trigger. No defaults: value is required.</summary>
/// <param name="Resource"><c>cpu</c> or <c>memory</c>.</param>
/// <param name="TargetPercent">The target average utilization, whole percent of each instance's limit.</param>
/// <param name="Target">The Cloud Run target measured; null when the scale target is not a Cloud Run name.</param>
internal sealed record ResourceMetadata(string Resource, int TargetPercent, CloudRunTarget? Target)
{
    /// <summary>
    /// The reading for a utilization in percent. Always active, as KEDA's cpu/memory scaler: activity is never
    /// decided by these triggers (the engine leaves them out of activation).
    /// </summary>
    public MetricReading ToReading(double utilizationPercent) => new(utilizationPercent, TargetPercent, true);
}
