using System.Globalization;
using Crema.Abstractions;
using Crema.Core.Configuration;
using Crema.Core.Engine;

namespace Crema.Core.Explain;

/// <summary>
/// Explains, in plain words, what scales a scaled object up, down and to zero, with every effective default
/// (KEDA's and Kubernetes'), the way the engine applies them. Pure: reads only the config and the scalers' rules.
/// </summary>
public static class ScaledObjectExplainer
{
    /// <summary>Explains every scaled object of a valid config, in file order.</summary>
    public static IReadOnlyList<ObjectExplanation> Explain(CremaConfig config, ScalerRegistry scalers)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(scalers);
        return [.. config.Spec.ScaledObjects.Select(o => Explain(config.Spec, o, scalers))];
    }

    private static ObjectExplanation Explain(CremaSpec spec, ScaledObject scaledObject, ScalerRegistry scalers)
    {
        var s = scaledObject.Spec;
        var facts = new List<(string, string)>();
        var warnings = new List<string>();
        var min = s.MinReplicaCount ?? ScalingDefaults.MinReplicaCount;
        var max = s.MaxReplicaCount ?? ScalingDefaults.MaxReplicaCount;
        var pause = PauseRules.Read(scaledObject.Metadata?.Annotations);
        var behavior = s.Advanced?.HorizontalPodAutoscalerConfig?.Behavior;

        facts.Add(("instances", $"{min} to {max} (minReplicaCount {Marked(s.MinReplicaCount, min)}, maxReplicaCount {Marked(s.MaxReplicaCount, max)})"
            + (s.IdleReplicaCount is { } idle ? $"; {idle} while idle (idleReplicaCount)" : "")));
        facts.Add(("polling", PollingText(spec, s)));
        if (PauseText(pause) is { } paused)
        {
            facts.Add(("paused", paused));
        }
        var modifiers = s.Advanced?.ScalingModifiers;
        for (var i = 0; i < s.Triggers.Count; i++)
        {
            facts.Add(("trigger", TriggerExplainer.Describe(spec, scaledObject, i, scalers, modifiers is not null, warnings)));
        }
        if (modifiers is not null)
        {
            facts.Add(("formula", FormulaText(modifiers)));
        }
        facts.Add(("from zero", FromZeroText(min, s.IdleReplicaCount)));
        facts.Add(("to zero", ToZeroText(s, min, warnings)));
        BehaviorExplainer.Describe(behavior, pause, facts, warnings);
        facts.Add(("on errors", FallbackText(s.Fallback)));
        Warn(s, min, max, warnings);
        return new ObjectExplanation(scaledObject.DisplayName, s.ScaleTargetRef.Name, facts, warnings);
    }

    internal static string Marked(int? set, int effective) => set is null ? $"{effective} (default)" : Text(effective);

    internal static string Text(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string PollingText(CremaSpec spec, ScaledObjectSpec s) => (s.PollingInterval, spec.PollingInterval) switch
    {
        ({ } own, _) => $"every {own} s (spec.pollingInterval)",
        (null, { } global) => $"every {global} s (the config's spec.pollingInterval)",
        _ => $"every {ScalingDefaults.PollingIntervalSeconds} s (default)",
    };

    private static string? PauseText(PauseState pause) => pause switch
    {
        { PausedReplicas: { } n } => $"held at {n} instances (paused-replicas); nothing below applies until the annotation is removed",
        { Paused: true } => "frozen at the current count (paused); nothing below applies until the annotation is removed",
        { ForceActivation: true } => "force-activation: counts as active whatever the triggers say, so it never scales to zero",
        _ => null,
    };

    private static string FormulaText(ScalingModifiers modifiers)
    {
        var type = modifiers.MetricType ?? MetricType.AverageValue;
        var activation = string.IsNullOrWhiteSpace(modifiers.ActivationTarget) ? "0 (default)" : modifiers.ActivationTarget;
        var wants = type == MetricType.AverageValue ? $"ceil(composite / {modifiers.Target})" : $"ceil(current x composite / {modifiers.Target})";
        return $"composite = {modifiers.Formula}; it replaces the triggers' own metrics: wants {wants} instances ({type}); "
            + $"active while composite > {activation} (activationTarget), and inactive while any trigger fails";
    }

    private static string FromZeroText(int min, int? idle) =>
        $"when any trigger is active at 0 instances{(idle is null ? "" : $" (or at the idle count {idle})")}, Crema sets {Math.Max(min, 1)} "
        + "(max(minReplicaCount, 1)) at once, without the HPA's limits; from there the HPA rules below decide";

    private static string ToZeroText(ScaledObjectSpec s, int min, List<string> warnings)
    {
        var cooldown = s.CooldownPeriod is { } c ? $"{c} s" : $"{ScalingDefaults.CooldownPeriodSeconds} s (default)";
        var initial = s.InitialCooldownPeriod is { } i && i > 0 ? $"; after a start, not before {i} s (initialCooldownPeriod)" : "";
        if (s.IdleReplicaCount is { } idle)
        {
            return $"to {idle} (idleReplicaCount) once every trigger has been inactive for {cooldown} (cooldownPeriod){initial}; never because a trigger failed";
        }
        if (min > 0)
        {
            if (s.CooldownPeriod is not null)
            {
                warnings.Add($"cooldownPeriod is set but has no effect: minReplicaCount {min} keeps {min} or more running (KEDA uses the cooldown only to scale to zero or to idleReplicaCount)");
            }
            return $"never: minReplicaCount {min} is the floor";
        }
        return $"once every trigger has been inactive for {cooldown} (cooldownPeriod){initial}; a restart of Crema counts a running target as active then, "
            + "so a restart can lengthen a cooldown but never cut it short; never because a trigger failed";
    }

    private static string FallbackText(Fallback? fallback)
    {
        if (fallback is null)
        {
            return "no fallback (default): while a trigger fails the count stays where it is (it never goes to zero because of an error); the other triggers can still scale up";
        }
        var replicas = fallback.Behavior switch
        {
            FallbackBehavior.CurrentReplicas => "the current count",
            FallbackBehavior.CurrentReplicasIfHigher => $"max(current, {fallback.Replicas})",
            FallbackBehavior.CurrentReplicasIfLower => $"min(current, {fallback.Replicas})",
            _ => $"{fallback.Replicas}",
        };
        return $"after more than {fallback.FailureThreshold} consecutive failures a trigger proposes {replicas} instances (fallback, behavior {fallback.Behavior}) and counts as active";
    }

    private static void Warn(ScaledObjectSpec s, int min, int max, List<string> warnings)
    {
        if (min == max && s.IdleReplicaCount is null)
        {
            warnings.Add($"minReplicaCount equals maxReplicaCount ({max}): the triggers cannot change the count");
        }
        var polling = s.PollingInterval ?? ScalingDefaults.PollingIntervalSeconds;
        if (min == 0 && s.CooldownPeriod is { } cooldown && cooldown < polling)
        {
            warnings.Add($"cooldownPeriod {cooldown} s is shorter than the polling interval {polling} s: the scale to zero happens at the first poll after it, so up to {polling} s late");
        }
        if (s.ScaleTargetRef.Name.Contains("/services/", StringComparison.Ordinal))
        {
            warnings.Add("the target is a service: Cloud Run applies the instance count only while the service uses manual scaling (gcloud run services update NAME --scaling=COUNT); Crema reports the target as unable to scale otherwise");
        }
    }
}
