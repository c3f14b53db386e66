namespace Crema.Core.Configuration;

/// <summary>Rules for one direction. Unset fields take the Kubernetes default of that direction.</summary>
public sealed record HpaScalingRules
{
    /// <summary>Seconds of past recommendations considered (0..3600).</summary>
    public int? StabilizationWindowSeconds { get; init; }

    /// <summary>Max, Min or Disabled. Default Max.</summary>
    public SelectPolicy? SelectPolicy { get; init; }

    /// <summary>Rate limits; null means the direction's default policies.</summary>
    public IReadOnlyList<HpaScalingPolicy>? Policies { get; init; }
}
