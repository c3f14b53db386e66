using Crema.Google.Http;

namespace Crema.Google.CloudRun;

/// <summary>
/// Tuning of <see cref="CloudRunClient"/>. Defaults: operation polled after 1 s, each wait 1.5 times
/// longer up to 5 s, given up after 10 minutes; retries as in <see cref="GoogleApiRetryOptions"/>; paced
/// to <see cref="CloudRunQuota.Default"/>.
/// </summary>
public sealed record CloudRunClientOptions
{
    /// <summary>First wait before polling an unfinished operation; default 1 s.</summary>
    public TimeSpan PollInitialDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between polls; default 5 s.</summary>
    public TimeSpan PollMaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long an operation may run before the scale request is reported failed; default 10 min.</summary>
    public TimeSpan OperationTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Retry of transient HTTP failures.</summary>
    public GoogleApiRetryOptions Retry { get; init; } = GoogleApiRetryOptions.Default;

    /// <summary>The Admin API quotas every request is paced to, shared by all targets of a project and region.</summary>
    public CloudRunQuota Quota { get; init; } = CloudRunQuota.Default;

    /// <summary>The defaults.</summary>
    public static CloudRunClientOptions Default { get; } = new();
}
