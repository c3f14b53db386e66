namespace Crema.Scalers.GitHubRunner;

/// <summary>GitHub refused a call because a (primary or secondary) rate limit is exhausted.</summary>
internal sealed class GitHubRateLimitedException : Exception
{
    public GitHubRateLimitedException(DateTimeOffset until)
        : base($"GitHub API rate limit exceeded until {until:yyyy-MM-ddTHH:mm:ssZ}") => Until = until;

    public GitHubRateLimitedException()
    {
    }

    public GitHubRateLimitedException(string message)
        : base(message)
    {
    }

    public GitHubRateLimitedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DateTimeOffset Until { get; }
}
