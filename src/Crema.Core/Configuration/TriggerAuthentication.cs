namespace Crema.Core.Configuration;

/// <summary>A named set of secret parameters (KEDA TriggerAuthentication).</summary>
public sealed record TriggerAuthentication
{
    /// <summary>Holds the name that <c>authenticationRef.name</c> refers to.</summary>
    public required ObjectMetadata Metadata { get; init; }

    /// <summary>Where the parameters come from.</summary>
    public required TriggerAuthenticationSpec Spec { get; init; }
}
