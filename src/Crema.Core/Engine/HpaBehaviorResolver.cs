using Crema.Core.Configuration;

namespace Crema.Core.Engine;

/// <summary>
/// Fills an HPA behavior with Kubernetes' defaults (pkg/apis/autoscaling/v2/defaults.go): scaleUp window 0,
/// Pods 4 / 15 s and Percent 100 / 15 s, Max; scaleDown window 300 s, Percent 100 / 15 s, Max. Like KEDA, the
/// paused-scale-in/out annotations turn the direction's selectPolicy into Disabled. Returns null when there is no
/// behavior at all: Kubernetes then uses its legacy normalization (see <see cref="HpaRateLimiter.ApplyLegacy"/>).
/// </summary>
internal static class HpaBehaviorResolver
{
    /// <summary>The controller's default --horizontal-pod-autoscaler-downscale-stabilization.</summary>
    public const int DefaultScaleDownWindowSeconds = 300;

    private static readonly IReadOnlyList<HpaScalingPolicy> DefaultScaleUpPolicies =
    [
        new() { Type = HpaPolicyType.Pods, Value = 4, PeriodSeconds = 15 },
        new() { Type = HpaPolicyType.Percent, Value = 100, PeriodSeconds = 15 },
    ];

    private static readonly IReadOnlyList<HpaScalingPolicy> DefaultScaleDownPolicies =
    [
        new() { Type = HpaPolicyType.Percent, Value = 100, PeriodSeconds = 15 },
    ];

    public static (HpaDirectionRules Up, HpaDirectionRules Down)? Resolve(HpaBehavior? behavior, PauseState pause)
    {
        if (behavior is null && !pause.ScaleInPaused && !pause.ScaleOutPaused)
        {
            return null;
        }

        var up = ScaleUp(behavior?.ScaleUp);
        var down = ScaleDown(behavior?.ScaleDown);
        if (pause.ScaleOutPaused)
        {
            up = up with { SelectPolicy = SelectPolicy.Disabled };
        }

        if (pause.ScaleInPaused)
        {
            down = down with { SelectPolicy = SelectPolicy.Disabled };
        }

        return (up, down);
    }

    public static HpaDirectionRules ScaleUp(HpaScalingRules? rules) => new(
        rules?.StabilizationWindowSeconds ?? 0,
        rules?.SelectPolicy ?? SelectPolicy.Max,
        rules?.Policies is { Count: > 0 } policies ? policies : DefaultScaleUpPolicies);

    public static HpaDirectionRules ScaleDown(HpaScalingRules? rules) => new(
        rules?.StabilizationWindowSeconds ?? DefaultScaleDownWindowSeconds,
        rules?.SelectPolicy ?? SelectPolicy.Max,
        rules?.Policies is { Count: > 0 } policies ? policies : DefaultScaleDownPolicies);
}
