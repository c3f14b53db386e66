namespace Crema.Core.Configuration;

/// <summary>Rules for one direction. Unset fields take the Kubernetes default of that direction.</summary>
public sealed record HpaScalingRules
{
    /// <summary>Seconds of past recommendations considered (0..3600).</summary>
    public int? StabilizationWindowSeconds { get; init; }

    /// <summary>Max, Min or Disabled. Default Max.</summary>
    public SelectPolicy? SelectPolicy { get; init; }

    /// <summary>
    /// Kubernetes' configurable tolerance, a quantity such as <c>0.05</c> or <c>50m</c> (&gt;= 0): no change in this
    /// direction while the metric ratio stays within it. Default 0.1.
    /// </summary>
    public string? Tolerance { get; init; }

    /// <summary>Rate limits; null means the direction's default policies.</summary>
    public IReadOnlyList<HpaScalingPolicy>? Policies { get; init; }
}
