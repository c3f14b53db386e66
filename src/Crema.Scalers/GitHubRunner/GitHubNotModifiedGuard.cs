using System.Net;
using Octokit;
using Octokit.Internal;

namespace Crema.Scalers.GitHubRunner;

/// <summary>
/// The outermost layer under Octokit's Connection. Octokit reads a 304 that reaches it as an empty
/// success (a list call returns 0 items, no error): with the CachingHttpClient below, a 304 to a
/// request it made conditional comes back as the cached reply, so a 304 arriving here has nothing
/// to reuse (ETags off, or a proxy answering 304 on its own) and is made an error instead of a zero.
/// </summary>
internal sealed class GitHubNotModifiedGuard(IHttpClient inner) : IHttpClient
{
    public async Task<IResponse> Send(IRequest request, CancellationToken cancellationToken, Func<object, object>? preprocessResponseBody = null)
    {
        var response = await inner.Send(request, cancellationToken, preprocessResponseBody).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            var call = response is GitHubResponse reply ? reply.Describe() : $"{request.Method} {request.Endpoint}";
            throw new GitHubApiException(HttpStatusCode.NotModified,
                $"GitHub API returned 304 Not Modified for {call} with no cached reply to reuse; a proxy may be answering conditional requests");
        }
        return response;
    }

    public void SetRequestTimeout(TimeSpan timeout) => inner.SetRequestTimeout(timeout);

    public void Dispose() => inner.Dispose();
}
