namespace Crema.Core.Configuration;

/// <summary>Kubernetes HPA behavior.</summary>
public sealed record HpaBehavior
{
    /// <summary>Rules when scaling up. Default: window 0, Pods 4 / 15 s and Percent 100 / 15 s, Max.</summary>
    public HpaScalingRules? ScaleUp { get; init; }

    /// <summary>Rules when scaling down. Default: window 300 s, Percent 100 / 15 s, Max.</summary>
    public HpaScalingRules? ScaleDown { get; init; }
}
