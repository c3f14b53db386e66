namespace Crema.Core.Configuration;

/// <summary>One HPA rate limit: at most <see cref="Value"/> pods or percent per <see cref="PeriodSeconds"/>.</summary>
public sealed record HpaScalingPolicy
{
    /// <summary>Pods or Percent.</summary>
    public required HpaPolicyType Type { get; init; }

    /// <summary>Amount of change allowed, &gt; 0.</summary>
    public required int Value { get; init; }

    /// <summary>Window in seconds, 1..1800.</summary>
    public required int PeriodSeconds { get; init; }
}
