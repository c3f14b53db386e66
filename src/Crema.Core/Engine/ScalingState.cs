using System.Collections.Frozen;

namespace Crema.Core.Engine;

/// <summary>
/// The memory the engine keeps between polls of one scaled object. Immutable; each decision returns the next one.
/// Lists are trimmed to the longest stabilization window / policy period in use.
/// </summary>
public sealed record ScalingState
{
    /// <summary>When the scaled object was first seen (KEDA's creationTimestamp), for initialCooldownPeriod.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The last poll at which a trigger was active without error; null until then.</summary>
    public DateTimeOffset? LastActiveTime { get; init; }

    /// <summary>Consecutive failed reads per trigger name (absent = 0).</summary>
    public IReadOnlyDictionary<string, int> ConsecutiveFailures { get; init; } = FrozenDictionary<string, int>.Empty;

    /// <summary>Unstabilized HPA recommendations, oldest first.</summary>
    public IReadOnlyList<ReplicaRecommendation> Recommendations { get; init; } = [];

    /// <summary>Applied scale events, oldest first.</summary>
    public IReadOnlyList<ScaleEvent> ScaleEvents { get; init; } = [];

    /// <summary>The state of a scaled object first seen at <paramref name="createdAt"/>.</summary>
    public static ScalingState Initial(DateTimeOffset createdAt) => new() { CreatedAt = createdAt };
}
