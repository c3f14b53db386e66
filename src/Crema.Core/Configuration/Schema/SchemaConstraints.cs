namespace Crema.Core.Configuration.Schema;

/// <summary>The numeric bounds the validators enforce, repeated in the schema so editors flag them as you type.</summary>
internal static class SchemaConstraints
{
    private static readonly Dictionary<(Type, string), (int? Minimum, int? Maximum)> Bounds = new()
    {
        [(typeof(CremaSpec), "pollingInterval")] = (1, null),
        [(typeof(ScaledObjectSpec), "pollingInterval")] = (1, null),
        [(typeof(ScaledObjectSpec), "cooldownPeriod")] = (0, null),
        [(typeof(ScaledObjectSpec), "initialCooldownPeriod")] = (0, null),
        [(typeof(ScaledObjectSpec), "idleReplicaCount")] = (0, null),
        [(typeof(ScaledObjectSpec), "minReplicaCount")] = (0, null),
        [(typeof(ScaledObjectSpec), "maxReplicaCount")] = (1, null),
        [(typeof(Fallback), "failureThreshold")] = (0, null),
        [(typeof(Fallback), "replicas")] = (0, null),
        [(typeof(HpaScalingRules), "stabilizationWindowSeconds")] = (0, 3600),
        [(typeof(HpaScalingPolicy), "value")] = (1, null),
        [(typeof(HpaScalingPolicy), "periodSeconds")] = (1, 1800),
    };

    public static (int? Minimum, int? Maximum) For(Type declaringType, string name) =>
        Bounds.GetValueOrDefault((declaringType, name));
}
