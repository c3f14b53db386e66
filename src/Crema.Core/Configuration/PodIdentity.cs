namespace Crema.Core.Configuration;

/// <summary>Workload identity provider. Only <c>gcp</c> (Application Default Credentials) is supported; <c>none</c> disables it.</summary>
public sealed record PodIdentity
{
    /// <summary><c>gcp</c> or <c>none</c>.</summary>
    public required string Provider { get; init; }
}
