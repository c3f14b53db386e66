namespace Crema.Core.Configuration;

/// <summary>KEDA's <c>advanced</c> block.</summary>
public sealed record AdvancedConfig
{
    /// <summary>HPA settings (behavior).</summary>
    public HorizontalPodAutoscalerConfig? HorizontalPodAutoscalerConfig { get; init; }

    /// <summary>A formula combining triggers into one metric.</summary>
    public ScalingModifiers? ScalingModifiers { get; init; }

    /// <summary>Accepted for KEDA compatibility; has no effect on Cloud Run.</summary>
    public bool? RestoreToOriginalReplicaCount { get; init; }
}
