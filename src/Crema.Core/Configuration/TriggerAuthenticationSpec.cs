namespace Crema.Core.Configuration;

/// <summary>Sources of auth parameters; several may be combined.</summary>
public sealed record TriggerAuthenticationSpec
{
    /// <summary>Secrets read from Google Secret Manager.</summary>
    public GcpSecretManager? GcpSecretManager { get; init; }

    /// <summary>Use the daemon's own identity (<c>provider: gcp</c> = Application Default Credentials).</summary>
    public PodIdentity? PodIdentity { get; init; }

    /// <summary>Parameters read from Secrets mounted in the secrets directory (<c>DIR/name/key</c>).</summary>
    public IReadOnlyList<SecretTargetRef> SecretTargetRef { get; init; } = [];

    /// <summary>Parameters read from environment variables.</summary>
    public IReadOnlyList<EnvParameter> Env { get; init; } = [];

    /// <summary>Parameters read from files (Cloud Run mounts secrets as files).</summary>
    public IReadOnlyList<FileParameter> File { get; init; } = [];
}
