using Crema.Abstractions;
using Crema.Core.Configuration;
using Crema.Core.Engine;

namespace Crema.Tests.Engine;

/// <summary>Builders shared by the engine tests.</summary>
internal static class EngineFixtures
{
    public static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static ScaledObjectSpec Spec(params string[] triggerNames) => new()
    {
        ScaleTargetRef = new ScaleTargetRef { Name = "projects/p/locations/europe-west1/workerPools/w" },
        Triggers = (triggerNames.Length == 0 ? ["q"] : triggerNames)
            .Select(n => new Trigger { Type = "prometheus", Name = n })
            .ToList(),
    };

    public static ScaledObject Object(ScaledObjectSpec spec, params (string Key, string Value)[] annotations) => new()
    {
        Metadata = new ObjectMetadata { Name = "w", Annotations = annotations.ToDictionary(a => a.Key, a => a.Value) },
        Spec = spec,
    };

    /// <summary>A behavior with every direction at its Kubernetes default (not the legacy no-behavior path).</summary>
    public static AdvancedConfig DefaultBehavior() => Behavior(new HpaBehavior());

    public static AdvancedConfig Behavior(HpaBehavior behavior) =>
        new() { HorizontalPodAutoscalerConfig = new HorizontalPodAutoscalerConfig { Behavior = behavior } };

    public static HpaScalingRules Rules(int window, SelectPolicy select, params (HpaPolicyType Type, int Value, int Period)[] policies) => new()
    {
        StabilizationWindowSeconds = window,
        SelectPolicy = select,
        Policies = policies.Length == 0
            ? null
            : policies.Select(p => new HpaScalingPolicy { Type = p.Type, Value = p.Value, PeriodSeconds = p.Period }).ToList(),
    };

    public static TriggerSample Ok(double value, double target = 10, bool? active = null, string name = "q") =>
        TriggerSample.Success(name, new MetricReading(value, target, active ?? value > 0));

    public static TriggerSample Err(string name = "q") => TriggerSample.Failure(name, "connection refused");

    /// <summary>
    /// The state of an object the HPA has been running for a while: it holds one recommendation, older than any window,
    /// so the first poll is not treated as a new HPA (which would remember the current count; see HpaMemoryTests).
    /// </summary>
    public static ScalingState State(DateTimeOffset? lastActive = null, int failures = 0, string name = "q") =>
        ScalingState.Initial(T0) with
        {
            LastActiveTime = lastActive,
            ConsecutiveFailures = new Dictionary<string, int> { [name] = failures },
            Recommendations = [new ReplicaRecommendation(T0.AddDays(-1), 0)],
        };

    public static ScalingDecision Decide(ScaledObject so, ScalingState state, int current, DateTimeOffset now, params TriggerSample[] samples) =>
        ScalingEngine.Decide(so, state, current, samples, now);

    public static ScalingDecision Decide(ScaledObjectSpec spec, ScalingState state, int current, DateTimeOffset now, params TriggerSample[] samples) =>
        ScalingEngine.Decide(Object(spec), state, current, samples, now);
}
