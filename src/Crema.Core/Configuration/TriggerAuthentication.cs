namespace Crema.Core.Configuration;

/// <summary>A named set of secret parameters (KEDA TriggerAuthentication).</summary>
public sealed record TriggerAuthentication
{
    /// <summary>Accepted as CREMA accepts it, so a pasted KEDA TriggerAuthentication (keda.sh/v1alpha1) loads unchanged; ignored.</summary>
    public string? ApiVersion { get; init; }

    /// <summary>Accepted as CREMA accepts it (TriggerAuthentication or ClusterTriggerAuthentication); ignored.</summary>
    public string? Kind { get; init; }

    /// <summary>Holds the name that <c>authenticationRef.name</c> refers to.</summary>
    public required ObjectMetadata Metadata { get; init; }

    /// <summary>Where the parameters come from.</summary>
    public required TriggerAuthenticationSpec Spec { get; init; }
}
