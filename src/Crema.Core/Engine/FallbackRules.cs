using System.Globalization;
using Crema.Abstractions;
using Crema.Core.Configuration;

namespace Crema.Core.Engine;

/// <summary>
/// KEDA fallback (pkg/fallback): failures are counted per trigger; after more than failureThreshold consecutive
/// failures the trigger proposes replicas by the configured behavior and counts as active, even from zero.
/// </summary>
internal static class FallbackRules
{
    public static (List<TriggerEvaluation> Evaluations, Dictionary<string, int> Failures) Evaluate(
        ScaledObjectSpec spec, ScalingState state, int currentReplicas, IReadOnlyList<TriggerSample> samples)
    {
        var metricTypes = new Dictionary<string, MetricType>(StringComparer.Ordinal);
        var resources = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < spec.Triggers.Count; i++)
        {
            var trigger = spec.Triggers[i];
            var key = TriggerContexts.KeyOf(trigger, i);
            metricTypes[key] = trigger.MetricType ?? MetricType.AverageValue;
            if (ResourceTriggers.IsResource(trigger.Type))
            {
                resources.Add(key);
            }
        }

        var evaluations = new List<TriggerEvaluation>(samples.Count);
        var failures = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sample in samples)
        {
            var metricType = metricTypes.GetValueOrDefault(sample.TriggerName, MetricType.AverageValue);
            var error = ErrorOf(sample);
            var count = error is null ? 0 : state.ConsecutiveFailures.GetValueOrDefault(sample.TriggerName) + 1;
            failures[sample.TriggerName] = count;

            // KEDA's fallback replaces external metrics only; a failing cpu/memory metric is just missing for the HPA.
            var isResource = resources.Contains(sample.TriggerName);
            int? fallbackReplicas = error is not null && !isResource && spec.Fallback is { } fallback && count > fallback.FailureThreshold
                ? ReplicasFor(fallback, currentReplicas)
                : null;
            var reading = error is null ? sample.Reading : null;
            evaluations.Add(new TriggerEvaluation(
                sample.TriggerName,
                metricType,
                reading is { } r ? Sanitize(r.Value) : null,
                reading?.Target,
                reading?.IsActive ?? false,
                error,
                count,
                fallbackReplicas) { IsResource = isResource });
        }

        return (evaluations, failures);
    }

    public static int ReplicasFor(Fallback fallback, int currentReplicas) => fallback.Behavior switch
    {
        FallbackBehavior.CurrentReplicas => currentReplicas,
        FallbackBehavior.CurrentReplicasIfHigher => Math.Max(currentReplicas, fallback.Replicas),
        FallbackBehavior.CurrentReplicasIfLower => Math.Min(currentReplicas, fallback.Replicas),
        _ => fallback.Replicas,
    };

    /// <summary>Metric values that are NaN, infinite or negative count as 0 (KEDA semantics).</summary>
    public static double Sanitize(double value) => double.IsFinite(value) && value > 0 ? value : 0;

    private static string? ErrorOf(TriggerSample sample)
    {
        if (sample.Error is not null || sample.Reading is null)
        {
            return sample.Error ?? "no reading";
        }

        var target = sample.Reading.Value.Target;
        return double.IsFinite(target) && target > 0
            ? null
            : $"target {target.ToString(CultureInfo.InvariantCulture)} is not a positive number";
    }
}
