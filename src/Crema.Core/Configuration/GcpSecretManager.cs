namespace Crema.Core.Configuration;

/// <summary>Secrets from Google Secret Manager.</summary>
public sealed record GcpSecretManager
{
    /// <summary>The secrets, each mapped to an auth parameter.</summary>
    public IReadOnlyList<GcpSecret> Secrets { get; init; } = [];

    /// <summary>Identity used to read the secrets; default the daemon's own (ADC).</summary>
    public PodIdentity? PodIdentity { get; init; }
}
