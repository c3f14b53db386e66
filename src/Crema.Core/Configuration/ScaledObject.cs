namespace Crema.Core.Configuration;

/// <summary>One workload to scale: a KEDA ScaledObject whose target is a Cloud Run worker pool or service.</summary>
public sealed record ScaledObject
{
    /// <summary>Optional name and annotations (paused, paused-replicas, paused-scale-in/out).</summary>
    public ObjectMetadata? Metadata { get; init; }

    /// <summary>The KEDA ScaledObject spec.</summary>
    public required ScaledObjectSpec Spec { get; init; }

    /// <summary>KEDA's status block, accepted as CREMA accepts it (a pasted <c>kubectl get -o yaml</c>) and ignored.</summary>
    public IgnoredContent? Status { get; init; }

    /// <summary><c>metadata.name</c>, else the last segment of the target's resource name.</summary>
    public string DisplayName =>
        string.IsNullOrEmpty(Metadata?.Name) ? Spec.ScaleTargetRef.Name.Split('/')[^1] : Metadata!.Name!;
}
