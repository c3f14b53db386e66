namespace Crema.Core.Configuration;

/// <summary>Reference to a triggerAuthentication by name.</summary>
public sealed record AuthenticationRef
{
    /// <summary>The triggerAuthentication's <c>metadata.name</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Accepted for KEDA compatibility (TriggerAuthentication or ClusterTriggerAuthentication).</summary>
    public string? Kind { get; init; }
}
