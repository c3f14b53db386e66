using System.Globalization;
using Crema.Core.Configuration;

namespace Crema.Core.Engine;

/// <summary>
/// The Kubernetes HPA reconcile for 1 &lt;-&gt; N (horizontal.go reconcileAutoscaler): bring the count within
/// [max(min, 1), max], else take the largest metric proposal, stabilize it and rate-limit it.
/// </summary>
internal static class HpaStep
{
    public static HpaStepResult Run(
        ScaledObjectSpec spec, PauseState pause, ScalingState state, int current, IReadOnlyList<HpaInput> inputs, DateTimeOffset now)
    {
        // KEDA gives the HPA minReplicas = max(minReplicaCount, 1).
        var min = Math.Max(spec.MinReplicaCount ?? ScalingDefaults.MinReplicaCount, 1);
        var max = spec.MaxReplicaCount ?? ScalingDefaults.MaxReplicaCount;
        var recommendations = state.Recommendations;
        if (current > max)
        {
            return new HpaStepResult(max, $"above maxReplicaCount {Text(max)}: scale to {Text(max)}", recommendations, []);
        }

        if (current < min)
        {
            return new HpaStepResult(min, $"below minReplicaCount {Text(min)}: scale to {Text(min)}", recommendations, []);
        }

        var tolerances = HpaTolerances.For(spec.Advanced?.HorizontalPodAutoscalerConfig?.Behavior);
        var proposals = inputs.Select(i => i.Propose(current, tolerances)).ToList();
        var desired = HpaProposal.Combine(proposals, current);
        if (desired is null)
        {
            var why = proposals.All(p => p is null)
                ? "every trigger failed"
                : "some triggers failed and the others would scale down";
            return new HpaStepResult(current, $"source error: holding {Text(current)} ({why})", recommendations, proposals);
        }

        var winner = inputs[proposals.IndexOf(desired)];
        var reason = winner.Describe(desired.Value);
        var behavior = HpaBehaviorResolver.Resolve(spec.Advanced?.HorizontalPodAutoscalerConfig?.Behavior, pause);
        int stabilized;
        RateLimitResult limited;
        int keepSeconds;
        if (behavior is not { } rules)
        {
            keepSeconds = HpaBehaviorResolver.DefaultScaleDownWindowSeconds;
            stabilized = HpaStabilizer.StabilizeLegacy(desired.Value, recommendations, keepSeconds, now);
            limited = HpaRateLimiter.ApplyLegacy(current, stabilized, min, max);
        }
        else
        {
            keepSeconds = Math.Max(rules.Up.StabilizationWindowSeconds, rules.Down.StabilizationWindowSeconds);
            stabilized = HpaStabilizer.Stabilize(
                current, desired.Value, recommendations, rules.Up.StabilizationWindowSeconds, rules.Down.StabilizationWindowSeconds, now);
            limited = HpaRateLimiter.Apply(current, stabilized, min, max, state.ScaleEvents, rules.Up, rules.Down, now);
        }

        if (stabilized != desired.Value)
        {
            reason += $", stabilized to {Text(stabilized)} (recent recommendations)";
        }

        if (limited.Replicas != stabilized)
        {
            reason += $", limited by {limited.LimitedBy} to {Text(limited.Replicas)}";
        }

        var cutoff = now.AddSeconds(-keepSeconds);
        var kept = recommendations.Where(r => r.At >= cutoff).Append(new ReplicaRecommendation(now, desired.Value)).ToList();
        var prefix = limited.Replicas == current ? "no change: hpa: " : "hpa: ";
        return new HpaStepResult(limited.Replicas, prefix + reason, kept, proposals);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
