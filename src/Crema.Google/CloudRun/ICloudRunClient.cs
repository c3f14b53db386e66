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
    /// Whether a read of <paramref name="resourceName"/> that could be skipped (a re-read only to notice another
    /// writer) fits the read budget now; true takes its share of the budget, so call it right before reading.
    /// </summary>
    bool TryBudgetOptionalRead(string resourceName) => true;

    /// <summary>
    /// Sets <c>scaling.manualInstanceCount</c> (guarded by <paramref name="etag"/> when given) and
    /// waits for the long-running operation to finish.
    /// </summary>
    Task<ScaleResult> SetInstanceCountAsync(string resourceName, int count, string? etag, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="SetInstanceCountAsync(string, int, string?, CancellationToken)"/>; once the update is
    /// accepted (the API answered with an operation), cancelling <paramref name="stopFollowing"/> stops waiting
    /// for the operation, which goes on at Google, and returns <see cref="ScaleOutcome.Cancelled"/> with its name.
    /// Before that, only <paramref name="cancellationToken"/> cancels (an update in flight is not cut by it).
    /// </summary>
    Task<ScaleResult> SetInstanceCountAsync(string resourceName, int count, string? etag, CancellationToken stopFollowing, CancellationToken cancellationToken) =>
        SetInstanceCountAsync(resourceName, count, etag, cancellationToken);
}
