namespace Crema.Core.Configuration;

/// <summary>KEDA's <c>horizontalPodAutoscalerConfig</c>.</summary>
public sealed record HorizontalPodAutoscalerConfig
{
    /// <summary>Accepted for KEDA compatibility; informational.</summary>
    public string? Name { get; init; }

    /// <summary>Scale-up and scale-down rules; Kubernetes defaults when unset.</summary>
    public HpaBehavior? Behavior { get; init; }
}
