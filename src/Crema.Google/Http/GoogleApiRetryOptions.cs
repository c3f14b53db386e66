namespace Crema.Google.Http;

/// <summary>
/// Retry of 429, 5xx and transport failures: exponential backoff with jitter, honouring
/// Retry-After. Defaults: 4 retries (5 attempts), 1 s base delay, 30 s maximum delay,
/// 30 s per attempt.
/// </summary>
public sealed record GoogleApiRetryOptions
{
    /// <summary>Retries after the first attempt; default 4.</summary>
    public int MaxRetryAttempts { get; init; } = 4;

    /// <summary>First backoff delay; default 1 s.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Largest delay between attempts, also the cap on Retry-After; default 30 s.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Time limit of one attempt; default 30 s; null for none.</summary>
    public TimeSpan? AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The defaults.</summary>
    public static GoogleApiRetryOptions Default { get; } = new();
}
