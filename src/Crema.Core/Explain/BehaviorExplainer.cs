using Crema.Core.Configuration;
using Crema.Core.Engine;

namespace Crema.Core.Explain;

/// <summary>The HPA part (1 to N): tolerance, stabilization windows and rate limits, with Kubernetes' defaults.</summary>
internal static class BehaviorExplainer
{
    public static void Describe(HpaBehavior? behavior, PauseState pause, List<(string, string)> facts, List<string> warnings)
    {
        var tolerances = HpaTolerances.For(behavior);
        if (HpaBehaviorResolver.Resolve(behavior, pause) is not { } rules)
        {
            facts.Add(("scale up", $"no behavior block, so Kubernetes' legacy rules: at most max(2 x current, 4) instances per poll; no change while the ratio is within {Tolerance(null, tolerances.ScaleUp)}"));
            facts.Add(("scale down", $"no behavior block, so Kubernetes' legacy rules: to the highest recommendation of the last {HpaBehaviorResolver.DefaultScaleDownWindowSeconds} s, with no rate limit; no change while the ratio is within {Tolerance(null, tolerances.ScaleDown)}"));
            warnings.Add("no advanced.horizontalPodAutoscalerConfig.behavior: Kubernetes' legacy step limits apply (max(2 x current, 4) per poll, so the first step from 1 goes to at most 4), not the documented HPA defaults (Pods 4 and Percent 100 per 15 s); add an empty behavior: {} to get those");
            return;
        }
        facts.Add(("scale up", Direction(rules.Up, behavior?.ScaleUp, "0", tolerances.ScaleUp, "added")));
        facts.Add(("scale down", Direction(rules.Down, behavior?.ScaleDown, "300", tolerances.ScaleDown, "removed")));
        if (rules.Down.SelectPolicy == SelectPolicy.Disabled)
        {
            warnings.Add("scaleDown is disabled (selectPolicy Disabled or paused-scale-in): the HPA never removes instances, but the scale to zero after the cooldown still happens (KEDA does it outside the HPA)");
        }
        if (behavior?.ScaleUp?.Tolerance is "0" || behavior?.ScaleDown?.Tolerance is "0")
        {
            warnings.Add("a tolerance of 0: every change of the metric, however small, changes the count");
        }
    }

    private static string Direction(HpaDirectionRules rules, HpaScalingRules? written, string defaultWindow, double tolerance, string verb)
    {
        if (rules.SelectPolicy == SelectPolicy.Disabled)
        {
            return "disabled: the HPA never changes the count in this direction";
        }
        var window = written?.StabilizationWindowSeconds is { } w ? $"{w} s" : $"{defaultWindow} s (default)";
        var policies = string.Join(" and ", rules.Policies.Select(p => $"{p.Value}{(p.Type == HpaPolicyType.Percent ? "%" : " instances")} per {p.PeriodSeconds} s"));
        var policySource = written?.Policies is { Count: > 0 } ? "" : " (default)";
        var select = written?.SelectPolicy is null ? $"{rules.SelectPolicy} (default)" : rules.SelectPolicy.ToString();
        var pick = rules.SelectPolicy == SelectPolicy.Max ? "the policy allowing the most change" : "the policy allowing the least change";
        return $"stabilization window {window}; at most {policies}{policySource} {verb}, {pick} wins (selectPolicy {select}); "
            + $"no change while the ratio is within {Tolerance(written?.Tolerance, tolerance)}";
    }

    private static string Tolerance(string? written, double effective) =>
        written is null ? $"{ScaledObjectExplainer.Text(effective)} (default tolerance)" : $"{ScaledObjectExplainer.Text(effective)} (tolerance {written})";
}
