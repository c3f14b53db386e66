using Crema.Abstractions;

namespace Crema.Scalers.Gcp.Monitoring;

/// <summary>
/// The credential keys the three GCP scalers share, declared once with KEDA 2.20's names and sources
/// (the <c>Credentials</c>/<c>CredentialsFromEnvFile</c> fields of each gcp_*_scaler.go and
/// gcp/gcp_common.go's <c>GetGCPAuthorization</c>). None is required: without them the daemon's identity is used.
/// </summary>
internal static class GcpCredentialKeys
{
    /// <summary>A service-account key (JSON). Auth parameter only.</summary>
    public static readonly MetadataKey GoogleApplicationCredentials = MetadataKey.Secret("GoogleApplicationCredentials");

    /// <summary>
    /// A service-account key (JSON): metadata, then <c>credentialsFromEnv</c> (KEDA's way: the variable holds the key).
    /// KEDA declares the literal key but reads only <c>credentialsFromEnv</c>; Crema reads both.
    /// </summary>
    public static readonly MetadataKey Credentials = MetadataKey.Named("credentials");

    /// <summary>The name of an environment variable holding the path of a key file: metadata, then <c>credentialsFromEnvFileFromEnv</c>.</summary>
    public static readonly MetadataKey CredentialsFromEnvFile = MetadataKey.Named("credentialsFromEnvFile");
}
