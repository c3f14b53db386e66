namespace Crema.Host.Status;

/// <summary>What /status shows of one scaled object. Replaced whole after every poll.</summary>
internal sealed record ObjectStatus
{
    public required string Name { get; init; }

    public required string Target { get; init; }

    /// <summary>Instances as last read from (or applied to) Cloud Run; null until the first read.</summary>
    public int? Current { get; init; }

    public int? Desired { get; init; }

    public bool Active { get; init; }

    /// <summary>For example "scale 2 -> 5", "hold 3", "dry run: would scale 0 -> 1".</summary>
    public string? LastDecision { get; init; }

    public string? Reason { get; init; }

    public DateTimeOffset? LastPollAt { get; init; }

    public DateTimeOffset? LastScaleAt { get; init; }

    /// <summary>The last Cloud Run error for this target (read or update), cleared by the next success.</summary>
    public string? LastScaleError { get; init; }

    public double PollingIntervalSeconds { get; init; }

    /// <summary>minReplicaCount in effect (default 0).</summary>
    public int MinReplicas { get; init; }

    /// <summary>maxReplicaCount in effect (default 100).</summary>
    public int MaxReplicas { get; init; } = Crema.Core.Configuration.ScalingDefaults.MaxReplicaCount;

    /// <summary>idleReplicaCount, when set.</summary>
    public int? IdleReplicas { get; init; }

    /// <summary>The pause annotations in effect; null when none is set.</summary>
    public PauseStatus? Pause { get; init; }

    /// <summary>With scalingModifiers, the formula and target the decision used instead of the triggers' own.</summary>
    public ModifiersStatus? ScalingModifiers { get; init; }

    /// <summary>An update sent to Cloud Run whose operation has not finished; null otherwise.</summary>
    public PendingUpdate? PendingUpdate { get; init; }

    /// <summary>Whether Crema can scale the target now, and changes made by other writers.</summary>
    public CloudRunTargetStatus CloudRun { get; init; } = new();

    public IReadOnlyList<TriggerStatus> Triggers { get; init; } = [];

    /// <summary>The last decisions that changed (or tried to change) the count, newest first; kept by the store.</summary>
    public IReadOnlyList<DecisionEvent> Events { get; init; } = [];

    /// <summary>See <see cref="ObjectStateRules"/>.</summary>
    public ObjectState State => ObjectStateRules.Of(this);
}
