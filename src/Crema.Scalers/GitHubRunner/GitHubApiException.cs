using System.Net;

namespace Crema.Scalers.GitHubRunner;

/// <summary>A GitHub API call that failed with an HTTP status. Never carries a token.</summary>
internal sealed class GitHubApiException : Exception
{
    public GitHubApiException(HttpStatusCode status, string message)
        : base(message) => Status = status;

    public GitHubApiException()
    {
    }

    public GitHubApiException(string message)
        : base(message)
    {
    }

    public GitHubApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HttpStatusCode Status { get; }
}
