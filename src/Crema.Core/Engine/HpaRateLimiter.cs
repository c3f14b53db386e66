using System.Globalization;
using Crema.Core.Configuration;

namespace Crema.Core.Engine;

/// <summary>
/// Kubernetes HPA rate limits (horizontal.go): convertDesiredReplicasWithBehaviorRate with
/// calculateScaleUpLimitWithScalingRules / calculateScaleDownLimitWithBehaviors, and the legacy
/// convertDesiredReplicasWithRules used when the HPA has no behavior (up to max(2 x current, 4) per step).
/// </summary>
internal static class HpaRateLimiter
{
    private const double LegacyScaleUpFactor = 2.0;
    private const double LegacyScaleUpMinimum = 4.0;

    public static RateLimitResult Apply(
        int currentReplicas,
        int desiredReplicas,
        int minReplicas,
        int maxReplicas,
        IReadOnlyList<ScaleEvent> events,
        HpaDirectionRules scaleUp,
        HpaDirectionRules scaleDown,
        DateTimeOffset now)
    {
        if (desiredReplicas > currentReplicas)
        {
            var (limit, policy) = ScaleUpLimit(currentReplicas, events, scaleUp, now);
            limit = Math.Max(limit, currentReplicas);
            if (maxReplicas > limit)
            {
                return desiredReplicas > limit ? new RateLimitResult(limit, "ScaleUpLimit", policy) : Within(desiredReplicas);
            }

            return desiredReplicas > maxReplicas ? new RateLimitResult(maxReplicas, "TooManyReplicas", "maxReplicaCount") : Within(desiredReplicas);
        }

        if (desiredReplicas < currentReplicas)
        {
            var (limit, policy) = ScaleDownLimit(currentReplicas, events, scaleDown, now);
            limit = Math.Min(limit, currentReplicas);
            if (minReplicas < limit)
            {
                return desiredReplicas < limit ? new RateLimitResult(limit, "ScaleDownLimit", policy) : Within(desiredReplicas);
            }

            return desiredReplicas < minReplicas ? new RateLimitResult(minReplicas, "TooFewReplicas", "minReplicaCount") : Within(desiredReplicas);
        }

        return Within(desiredReplicas);
    }

    public static RateLimitResult ApplyLegacy(int currentReplicas, int desiredReplicas, int minReplicas, int maxReplicas)
    {
        var scaleUpLimit = (int)Math.Max(LegacyScaleUpFactor * currentReplicas, LegacyScaleUpMinimum);
        var (maximum, condition, limitedBy) = maxReplicas > scaleUpLimit
            ? (scaleUpLimit, "ScaleUpLimit", "default scale-up limit max(2 x current, 4)")
            : (maxReplicas, "TooManyReplicas", "maxReplicaCount");
        if (desiredReplicas < minReplicas)
        {
            return new RateLimitResult(minReplicas, "TooFewReplicas", "minReplicaCount");
        }

        return desiredReplicas > maximum ? new RateLimitResult(maximum, condition, limitedBy) : Within(desiredReplicas);
    }

    /// <summary>Replicas added (positive) or removed (negative) by events strictly after now - period.</summary>
    public static int NetChangeInPeriod(IEnumerable<ScaleEvent> events, int periodSeconds, DateTimeOffset now)
    {
        var cutoff = now.AddSeconds(-periodSeconds);
        return events.Where(e => e.At > cutoff).Sum(e => e.Change);
    }

    public static string Describe(string direction, HpaScalingPolicy policy) =>
        string.Create(CultureInfo.InvariantCulture, $"{direction} policy {policy.Type} {policy.Value}/{policy.PeriodSeconds}s");

    private static (int Limit, string? Policy) ScaleUpLimit(int current, IReadOnlyList<ScaleEvent> events, HpaDirectionRules rules, DateTimeOffset now)
    {
        if (rules.SelectPolicy == SelectPolicy.Disabled)
        {
            return (current, "scaleUp selectPolicy Disabled");
        }

        // Max picks the policy allowing the largest count, Min the smallest.
        var pickLargest = rules.SelectPolicy != SelectPolicy.Min;
        int? result = null;
        HpaScalingPolicy? chosen = null;
        foreach (var policy in rules.Policies)
        {
            var periodStart = current - NetChangeInPeriod(events, policy.PeriodSeconds, now);
            var proposed = policy.Type == HpaPolicyType.Pods
                ? periodStart + policy.Value
                : (int)Math.Ceiling(periodStart * (1 + (policy.Value / 100.0)));
            if (result is null || (pickLargest ? proposed > result : proposed < result))
            {
                result = proposed;
                chosen = policy;
            }
        }

        return (result ?? current, chosen is null ? null : Describe("scaleUp", chosen));
    }

    private static (int Limit, string? Policy) ScaleDownLimit(int current, IReadOnlyList<ScaleEvent> events, HpaDirectionRules rules, DateTimeOffset now)
    {
        if (rules.SelectPolicy == SelectPolicy.Disabled)
        {
            return (current, "scaleDown selectPolicy Disabled");
        }

        // Max picks the policy allowing the most removal (smallest count), Min the least.
        var pickSmallest = rules.SelectPolicy != SelectPolicy.Min;
        int? result = null;
        HpaScalingPolicy? chosen = null;
        foreach (var policy in rules.Policies)
        {
            var periodStart = current - NetChangeInPeriod(events, policy.PeriodSeconds, now);
            var proposed = policy.Type == HpaPolicyType.Pods
                ? periodStart - policy.Value
                : (int)(periodStart * (1 - (policy.Value / 100.0)));
            if (result is null || (pickSmallest ? proposed < result : proposed > result))
            {
                result = proposed;
                chosen = policy;
            }
        }

        return (result ?? current, chosen is null ? null : Describe("scaleDown", chosen));
    }

    private static RateLimitResult Within(int replicas) => new(replicas, "DesiredWithinRange");
}
