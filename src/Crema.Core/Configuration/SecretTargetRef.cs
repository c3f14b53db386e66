namespace Crema.Core.Configuration;

/// <summary>
/// An auth parameter taken from a Kubernetes-style Secret (KEDA's <c>secretTargetRef</c>), read from the file
/// <c>SECRETS_DIR/NAME/KEY</c>: how Kubernetes mounts a Secret into a pod and how Cloud Run mounts a Secret Manager
/// secret as a volume. The directory is set with <c>--secrets-dir</c> or CREMA_SECRETS_DIR (default <c>/secrets</c>).
/// </summary>
public sealed record SecretTargetRef
{
    /// <summary>The auth parameter name.</summary>
    public required string Parameter { get; init; }

    /// <summary>The Secret's name: a directory under the secrets directory.</summary>
    public required string Name { get; init; }

    /// <summary>The key within the Secret: a file in that directory.</summary>
    public required string Key { get; init; }
}
