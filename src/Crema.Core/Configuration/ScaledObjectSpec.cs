namespace Crema.Core.Configuration;

/// <summary>A KEDA ScaledObject spec. Unset values take KEDA's defaults (see <see cref="ScalingDefaults"/>).</summary>
public sealed record ScaledObjectSpec
{
    /// <summary>The Cloud Run worker pool or service to scale.</summary>
    public required ScaleTargetRef ScaleTargetRef { get; init; }

    /// <summary>Seconds between polls; overrides the global one. Default 30, minimum 1.</summary>
    public int? PollingInterval { get; init; }

    /// <summary>Seconds inactive before scaling to zero (or idle). Default 300.</summary>
    public int? CooldownPeriod { get; init; }

    /// <summary>Seconds after start before the first scale to zero is allowed. Default 0.</summary>
    public int? InitialCooldownPeriod { get; init; }

    /// <summary>Replicas while inactive; must be below minReplicaCount. Default unset.</summary>
    public int? IdleReplicaCount { get; init; }

    /// <summary>Lowest replica count while active. Default 0.</summary>
    public int? MinReplicaCount { get; init; }

    /// <summary>Highest replica count. Default 100.</summary>
    public int? MaxReplicaCount { get; init; }

    /// <summary>What to do when triggers keep failing. Default none.</summary>
    public Fallback? Fallback { get; init; }

    /// <summary>HPA behavior and scaling modifiers.</summary>
    public AdvancedConfig? Advanced { get; init; }

    /// <summary>The metric sources.</summary>
    public IReadOnlyList<Trigger> Triggers { get; init; } = [];
}
