namespace Crema.Google.CloudRun;

/// <summary>
/// Reads and sets the manual instance count of Cloud Run worker pools and services (Admin API v2).
/// Calls for different targets never wait on each other.
/// </summary>
public interface ICloudRunClient
{
    /// <summary>Reads a target; throws <see cref="GoogleApiException"/> on failure and <see cref="ArgumentException"/> for a malformed name.</summary>
    Task<CloudRunTarget> GetAsync(string resourceName, CancellationToken cancellationToken);

    /// <summary>
    /// Sets <c>scaling.manualInstanceCount</c> (guarded by <paramref name="etag"/> when given) and
    /// waits for the long-running operation to finish.
    /// </summary>
    Task<ScaleResult> SetInstanceCountAsync(string resourceName, int count, string? etag, CancellationToken cancellationToken);
}
