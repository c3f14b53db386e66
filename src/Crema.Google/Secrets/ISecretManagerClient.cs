namespace Crema.Google.Secrets;

/// <summary>Reads secret versions from Secret Manager (v1), checking the CRC32C of the payload.</summary>
public interface ISecretManagerClient
{
    /// <summary>
    /// Returns the payload of <paramref name="secretId"/> (a short id, or a full name
    /// <c>projects/P/secrets/ID</c> in which case <paramref name="project"/> is ignored) at
    /// <paramref name="version"/> ("latest" or a number). Throws <see cref="GoogleApiException"/>.
    /// </summary>
    Task<byte[]> AccessAsync(string project, string secretId, string version, CancellationToken cancellationToken);
}
