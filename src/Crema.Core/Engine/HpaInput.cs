using System.Globalization;
using Crema.Abstractions;

namespace Crema.Core.Engine;

/// <summary>One metric the HPA step sees: a value against a target, a fallback replica count, or a failure.</summary>
internal sealed record HpaInput(string Name, MetricType MetricType, double Value, double Target, int? FallbackReplicas, string? FallbackNote, bool Failed)
{
    public static HpaInput FromEvaluation(TriggerEvaluation evaluation, int? failureThreshold) => new(
        evaluation.Name,
        evaluation.MetricType,
        evaluation.Value ?? 0,
        evaluation.Target ?? 1,
        evaluation.FallbackReplicas,
        evaluation.FallbackReplicas is { } replicas
            ? string.Create(CultureInfo.InvariantCulture, $"fallback: trigger {evaluation.Name} failed {evaluation.Failures} times > {failureThreshold}, proposing {replicas}")
            : null,
        evaluation.Failed);

    public int? Propose(int currentReplicas, HpaTolerances tolerances)
    {
        if (Failed)
        {
            return null;
        }

        return FallbackReplicas is { } replicas
            ? HpaProposal.ForFallback(MetricType, replicas, Target, currentReplicas, tolerances)
            : HpaProposal.ForMetric(MetricType, Value, Target, currentReplicas, tolerances);
    }

    public string Describe(int proposal) => FallbackNote ?? MetricType switch
    {
        MetricType.Utilization => string.Create(CultureInfo.InvariantCulture, $"{Name}={Value:0.###}% target={Target:0.###}% (Utilization) -> {proposal}"),
        MetricType.Value => string.Create(CultureInfo.InvariantCulture, $"{Name}={Value:0.###} target={Target:0.###} (Value) -> {proposal}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Name}={Value:0.###} target={Target:0.###} -> {proposal}"),
    };
}
