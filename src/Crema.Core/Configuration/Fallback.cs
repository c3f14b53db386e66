namespace Crema.Core.Configuration;

/// <summary>KEDA fallback: after more than <see cref="FailureThreshold"/> consecutive failures a trigger proposes <see cref="Replicas"/>.</summary>
public sealed record Fallback
{
    /// <summary>Consecutive failures tolerated before fallback. Required, &gt;= 0.</summary>
    public required int FailureThreshold { get; init; }

    /// <summary>Replicas proposed while in fallback. Required, &gt;= 0.</summary>
    public required int Replicas { get; init; }

    /// <summary>How <see cref="Replicas"/> combines with the current count. Default static.</summary>
    public FallbackBehavior Behavior { get; init; } = FallbackBehavior.Static;
}
