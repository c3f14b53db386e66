using System.Net;
using Octokit;
using Octokit.Internal;

namespace Crema.Scalers.GitHubRunner;

/// <summary>
/// Sits between Octokit's CachingHttpClient and the wire, so it sees every request really sent and
/// every 304 (which the cache hides from Octokit): counts both for the poll's <c>api_requests</c>
/// details, and hands each reply's quota headers to the rate-limit state.
/// </summary>
internal sealed class GitHubTrafficRecorder(GitHubHttpTransport transport, GitHubRateLimitState rateLimit) : IHttpClient
{
    public GitHubHttpTransport Transport { get; } = transport;

    /// <summary>Requests sent since <see cref="BeginPoll"/>, conditional ones and the token exchange included.</summary>
    public int Requests { get; private set; }

    /// <summary>Requests since <see cref="BeginPoll"/> answered 304 (free against the rate limit).</summary>
    public int NotModified { get; private set; }

    /// <summary>
    /// The last reply that came over the wire. Octokit's paging replaces a 404 with an exception that
    /// has no response, so the error message is made from this instead.
    /// </summary>
    public IResponse? LastReply { get; private set; }

    public void BeginPoll()
    {
        Requests = 0;
        NotModified = 0;
        LastReply = null;
    }

    public async Task<IResponse> Send(IRequest request, CancellationToken cancellationToken, Func<object, object>? preprocessResponseBody = null)
    {
        Requests++;
        var response = await Transport.Send(request, cancellationToken, preprocessResponseBody).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            NotModified++;
        }
        rateLimit.Observe(response);
        LastReply = response;
        return response;
    }

    public void SetRequestTimeout(TimeSpan timeout) => Transport.SetRequestTimeout(timeout);

    public void Dispose() => Transport.Dispose();
}
