using Crema.Abstractions;

namespace Crema.Core.Engine;

/// <summary>
/// Replicas one external metric asks for (Kubernetes replica_calculator.go, GetExternalPerPodMetricReplicas and
/// GetExternalMetricReplicas), in milli-units as KEDA hands them to the HPA, within the per-direction tolerances.
/// </summary>
internal static class HpaProposal
{
    private const int Ceiling = int.MaxValue / 4;

    public static int ForMetric(MetricType metricType, double value, double target, int currentReplicas) =>
        ForMetric(metricType, value, target, currentReplicas, HpaTolerances.Default);

    public static int ForMetric(MetricType metricType, double value, double target, int currentReplicas, HpaTolerances tolerances)
    {
        if (metricType == MetricType.Utilization)
        {
            return ForUtilization(value, target, currentReplicas, tolerances);
        }

        var usage = (double)Milli(value);
        var targetMilli = Math.Max(1, Milli(target));
        if (metricType == MetricType.Value)
        {
            var ratio = usage / targetMilli;
            return tolerances.IsWithin(ratio) ? currentReplicas : Clamp(Math.Ceiling(ratio * currentReplicas));
        }

        var perPodRatio = usage / (targetMilli * (double)currentReplicas);
        return tolerances.IsWithin(perPodRatio) ? currentReplicas : Clamp(Math.Ceiling(usage / targetMilli));
    }

    /// <summary>
    /// A Resource metric with a Utilization target (replica_calculator.go GetResourceReplicas): the HPA truncates the
    /// average utilization to a whole percent, compares it with the target percent, and sizes the ready replicas by
    /// that ratio.
    /// </summary>
    private static int ForUtilization(double utilizationPercent, double targetPercent, int currentReplicas, HpaTolerances tolerances)
    {
        // The HPA works in integer milli-units, so 0.29 of a limit is 29 %; rounding first keeps 28.999999999999996 at 29.
        var ratio = Math.Floor(Math.Round(utilizationPercent, 6)) / Math.Max(1, Math.Floor(targetPercent));
        return tolerances.IsWithin(ratio) ? currentReplicas : Clamp(Math.Ceiling(ratio * currentReplicas));
    }

    /// <summary>
    /// KEDA's fallback publishes a metric worth <paramref name="replicas"/> times the target (divided by the ready
    /// replicas for Value) and lets the HPA compute with it, so the tolerance still applies.
    /// </summary>
    public static int ForFallback(MetricType metricType, int replicas, double target, int currentReplicas) =>
        ForFallback(metricType, replicas, target, currentReplicas, HpaTolerances.Default);

    public static int ForFallback(MetricType metricType, int replicas, double target, int currentReplicas, HpaTolerances tolerances)
    {
        var value = metricType == MetricType.Value ? target * replicas / Math.Max(1, currentReplicas) : target * replicas;
        return ForMetric(metricType, value, target, currentReplicas, tolerances);
    }

    /// <summary>
    /// Kubernetes computeReplicasForMetrics: the largest proposal wins; no decision when every metric failed, or
    /// when some failed and the others would scale down.
    /// </summary>
    public static int? Combine(IReadOnlyCollection<int?> proposals, int currentReplicas)
    {
        var valid = proposals.Where(p => p.HasValue).Select(p => p!.Value).ToList();
        if (valid.Count == 0)
        {
            return null;
        }

        var best = valid.Max();
        return valid.Count < proposals.Count && best < currentReplicas ? null : best;
    }

    // KEDA publishes int64(value * 1000) milli-units; computing on them avoids float noise such as 1.1 / 0.1 = 11.000000000000002.
    private static long Milli(double value) => MilliQuantity.Of(value);

    private static int Clamp(double replicas) => replicas >= Ceiling ? Ceiling : (int)replicas;
}
