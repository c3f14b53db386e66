using System.Globalization;
using Crema.Core.Configuration;

namespace Crema.Core.Engine;

/// <summary>
/// The replica decision for one scaled object and one poll, as a pure function of (config, state, current replicas,
/// trigger samples, now): KEDA's activation, cooldown, fallback, scaling modifiers and pause annotations, then the
/// Kubernetes HPA maths (per-direction tolerance, default 0.1; stabilization windows; rate-limit policies) for 1 &lt;-&gt; N.
/// </summary>
public static class ScalingEngine
{
    /// <summary>Decides the replica count; the returned state assumes the decision is applied at <paramref name="now"/>.</summary>
    public static ScalingDecision Decide(
        ScaledObject scaledObject, ScalingState state, int currentReplicas, IReadOnlyList<TriggerSample> samples, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(scaledObject);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(samples);
        var spec = scaledObject.Spec;
        var pause = PauseRules.Read(scaledObject.Metadata?.Annotations);
        var (evaluations, failures) = FallbackRules.Evaluate(spec, state, currentReplicas, samples);

        if (pause.Paused)
        {
            var (held, pausedReason) = Paused(pause, currentReplicas);
            // KEDA deletes the HPA while paused (scaledobject_controller.go handlePause) and the HPA controller forgets
            // its recommendations and scale events with it; unpausing starts a new HPA.
            var pausedState = state with { ConsecutiveFailures = failures, Recommendations = [], ScaleEvents = [] };
            return Finish(spec, pause, pausedState, currentReplicas, held, false, ResourceMetricRules.Activity(evaluations).IsActive, pausedReason, evaluations, null, now);
        }

        // Kubernetes recordInitialRecommendation: a new HPA (or a restarted controller) remembers the current count as
        // its first recommendation, so the scale-down window holds a pool that is already running when Crema starts.
        if (state.Recommendations.Count == 0)
        {
            state = state with { Recommendations = [new ReplicaRecommendation(now, currentReplicas)] };
        }

        bool isActive;
        bool isError;
        IReadOnlyList<HpaInput> inputs;
        string? signalError = null;
        TriggerOutcome? compositeOutcome = null;
        if (ScalingModifierRules.IsUsed(spec))
        {
            // KEDA keeps cpu/memory metrics beside the composite one (hpa.go: "keep resource metrics").
            var composite = ScalingModifierRules.Evaluate(spec.Advanced!.ScalingModifiers!, spec.Fallback, ResourceMetricRules.External(evaluations));
            // As without modifiers, an object of only cpu/memory triggers is active unless in error (scale_handler.go).
            (isActive, isError, signalError) = (composite.IsActive || (ResourceMetricRules.OnlyResources(evaluations) && !composite.IsError), composite.IsError, composite.Error);
            inputs = [composite.Input, .. ResourceMetricRules.ResourceInputs(evaluations)];
            compositeOutcome = Outcome(composite);
        }
        else
        {
            (isActive, isError) = ResourceMetricRules.Activity(evaluations);
            inputs = evaluations.Select(e => HpaInput.FromEvaluation(e, spec.Fallback?.FailureThreshold)).ToList();
        }

        // KEDA's executor takes the annotation as activity; the HPA part still sizes by the metrics.
        var forced = pause.ForceActivation && !isActive;
        isActive |= pause.ForceActivation;
        var activation = ActivationRules.Apply(spec, state, isActive, isError, currentReplicas, now, pause);
        var next = state with { ConsecutiveFailures = failures, LastActiveTime = activation.LastActiveTime };
        int desired;
        string reason;
        var byHpa = false;
        IReadOnlyList<int?>? proposals = null;
        if (activation.Replicas is { } replicas)
        {
            (desired, reason) = (replicas, activation.Note ?? "scale to " + replicas.ToString(CultureInfo.InvariantCulture));
        }
        else if (currentReplicas == 0)
        {
            (desired, reason) = (0, activation.Note ?? "no change");
        }
        else
        {
            var hpa = HpaStep.Run(spec, pause, state, currentReplicas, inputs, now);
            desired = hpa.Replicas;
            byHpa = true;
            proposals = hpa.Proposals.Count == evaluations.Count && !ScalingModifierRules.IsUsed(spec) ? hpa.Proposals : null;
            reason = hpa.Replicas == currentReplicas && activation.Note is not null ? activation.Note : hpa.Reason;
            next = next with { Recommendations = hpa.Recommendations };
        }

        if (signalError is not null)
        {
            reason += " [" + signalError + "]";
        }

        if (forced)
        {
            reason += " (activation forced by " + PauseRules.ForceActivationAnnotation + ")";
        }

        return Finish(spec, pause, next, currentReplicas, desired, byHpa, isActive, reason, evaluations, proposals, now) with { Composite = compositeOutcome };
    }

    // In fallback the composite metric is fallback replicas x target, as KEDA feeds it to the HPA.
    private static TriggerOutcome Outcome(CompositeSignal composite)
    {
        var input = composite.Input;
        var failed = composite.Error is not null;
        double? value = failed ? null : input.FallbackReplicas is { } replicas ? replicas * input.Target : input.Value;
        return new TriggerOutcome(input.Name, value, failed ? null : input.Target, composite.IsActive, input.FallbackReplicas is not null, 0, null, composite.Error);
    }

    private static (int Replicas, string Reason) Paused(PauseState pause, int current)
    {
        if (pause.PausedReplicas is { } n)
        {
            var text = n.ToString(CultureInfo.InvariantCulture);
            return (n, n == current ? $"paused at {text} (paused-replicas)" : $"paused at {text} (paused-replicas): scale to {text}");
        }

        return pause.InvalidPausedReplicas is { } invalid
            ? (current, $"paused (paused-replicas '{invalid}' is not a whole number)")
            : (current, "paused");
    }

    private static ScalingDecision Finish(
        ScaledObjectSpec spec,
        PauseState pause,
        ScalingState next,
        int current,
        int desired,
        bool byHpa,
        bool isActive,
        string reason,
        IReadOnlyList<TriggerEvaluation> evaluations,
        IReadOnlyList<int?>? proposals,
        DateTimeOffset now)
    {
        var keepSeconds = LongestPolicyPeriod(spec, pause);
        var events = next.ScaleEvents.Where(e => e.At > now.AddSeconds(-keepSeconds));
        // Only the HPA's own rescales enter its scale events (horizontal.go storeScaleEvent); KEDA's executor
        // (0 <-> 1, idle, min floor) and paused-replicas write the scale subresource behind the HPA's back.
        if (byHpa && desired != current)
        {
            events = events.Append(new ScaleEvent(now, desired - current));
        }

        next = next with { ScaleEvents = events.ToList() };
        var outcomes = evaluations
            .Select((e, i) => new TriggerOutcome(e.Name, e.Value, e.Target, e.IsActive, e.InFallback, e.Failures, proposals?[i], e.Error))
            .ToList();
        return new ScalingDecision(desired, isActive, reason, next, outcomes);
    }

    private static int LongestPolicyPeriod(ScaledObjectSpec spec, PauseState pause)
    {
        var behavior = spec.Advanced?.HorizontalPodAutoscalerConfig?.Behavior;
        var rules = HpaBehaviorResolver.Resolve(behavior, pause)
            ?? (HpaBehaviorResolver.ScaleUp(null), HpaBehaviorResolver.ScaleDown(null));
        return Math.Max(rules.Up.LongestPeriodSeconds, rules.Down.LongestPeriodSeconds);
    }
}
