using System.Security.Cryptography;
using System.Text;

namespace Crema.Scalers.Gcp.Monitoring;

/// <summary>
/// Which Google identity a trigger calls Cloud Monitoring with: a service-account JSON key, or the
/// daemon's own identity (podIdentity gcp, or Application Default Credentials when nothing is given).
/// A class rather than a record so the key never appears in a generated ToString.
/// </summary>
internal sealed class GcpCredentials
{
    private GcpCredentials(string? serviceAccountJson, string? clientEmail, string? projectId)
    {
        ServiceAccountJson = serviceAccountJson;
        ClientEmail = clientEmail;
        ProjectId = projectId;
        CacheKey = serviceAccountJson is null
            ? "adc"
            : "sa:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(serviceAccountJson)));
    }

    /// <summary>The daemon's identity: <c>IScalerServices.GoogleTokens</c>.</summary>
    public static GcpCredentials DaemonIdentity { get; } = new(null, null, null);

    /// <summary>The service-account key JSON, or null for the daemon identity. Secret: never log it.</summary>
    public string? ServiceAccountJson { get; }

    /// <summary>The key's client_email (not secret), for error messages.</summary>
    public string? ClientEmail { get; }

    /// <summary>The key's project_id, the default project when a trigger names none.</summary>
    public string? ProjectId { get; }

    /// <summary>A key that identifies the credential without revealing it (a SHA-256 of the JSON).</summary>
    public string CacheKey { get; }

    /// <summary>True when the daemon's own identity is used.</summary>
    public bool UsesDaemonIdentity => ServiceAccountJson is null;

    /// <summary>Who the calls run as, in words.</summary>
    public string Identity => ClientEmail is { Length: > 0 } email
        ? $"service account {email}"
        : UsesDaemonIdentity ? "the daemon's identity (Application Default Credentials)" : "the given service account";

    /// <summary>A credential from a parsed service-account key.</summary>
    public static GcpCredentials FromServiceAccount(string json, string? clientEmail, string? projectId) =>
        new(json, clientEmail, projectId);

    /// <inheritdoc />
    public override string ToString() => Identity;
}
