namespace Crema.Core.Configuration;

/// <summary>Workload identity provider. Only <c>gcp</c> (Application Default Credentials) is supported; <c>none</c> disables it.</summary>
public sealed record PodIdentity
{
    /// <summary><c>gcp</c> or <c>none</c>.</summary>
    public required string Provider { get; init; }

    /// <summary>Accepted as KEDA and CREMA accept it; unused by the gcp provider (the daemon's own identity is used), so ignored.</summary>
    public string? IdentityId { get; init; }
}
