using System.Globalization;
using System.Net;
using System.Text;
using Octokit;
using Octokit.Internal;

namespace Crema.Scalers.GitHubRunner;

/// <summary>
/// Octokit's wire: sends its requests over the shared HttpClient (TLS settings, connection reuse) with
/// the headers GitHub asks for. Replaces Octokit's HttpClientAdapter, which reads any body whole into
/// memory and, following redirects itself, keeps the Authorization header when only the port or
/// scheme changes. Here: a request outside <c>githubApiURL</c> (a next-page link to another host)
/// is refused before anything is sent; redirects are followed by HttpClient, which drops the
/// Authorization header on every redirect; a body larger than <see cref="MaxBodyBytes"/> is an
/// error; each request has its own timeout; at most <see cref="MaxPages"/> pages of one list are read.
/// </summary>
internal sealed class GitHubHttpTransport : IHttpClient
{
    /// <summary>Largest reply body read (a page of 100 jobs with their steps is well under 1 MiB).</summary>
    public const int MaxBodyBytes = 8 * 1024 * 1024;

    /// <summary>Pages of one list read at most (100 items each), so a looping next link cannot run forever.</summary>
    public const int MaxPages = 200;

    private static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(30);
    private readonly HttpClient http;
    private readonly Uri apiRoot;
    private readonly AsyncLocal<CancellationToken> cancellation = new();
    private TimeSpan timeoutPerRequest;

    public GitHubHttpTransport(HttpClient http, Uri apiRoot, TimeSpan? requestTimeout = null)
    {
        this.http = http;
        this.apiRoot = WithTrailingSlash(apiRoot);
        timeoutPerRequest = requestTimeout ?? DefaultRequestTimeout;
    }

    /// <summary>
    /// The caller's cancellation, applied to every request sent from the current async flow (Octokit's
    /// list calls take no token). Set it at the start of a poll.
    /// </summary>
    public CancellationToken Cancellation
    {
        get => cancellation.Value;
        set => cancellation.Value = value;
    }

    /// <summary><c>githubApiURL</c> as the base address Octokit resolves its relative paths against.</summary>
    public static Uri WithTrailingSlash(Uri url) =>
        url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");

    public async Task<IResponse> Send(IRequest request, CancellationToken cancellationToken, Func<object, object>? preprocessResponseBody = null)
    {
        var uri = new Uri(request.BaseAddress, request.Endpoint);
        if (!IsUnderApiRoot(uri))
        {
            // Octokit resolves a next-page link as given, even to another host; the token must not follow it.
            throw new GitHubApiException($"GitHub's link to {uri.GetLeftPart(UriPartial.Path)} leaves the configured API URL {apiRoot.AbsoluteUri}; not followed");
        }
        if (PageNumber(uri) > MaxPages)
        {
            throw new GitHubApiException($"GitHub returned more than {MaxPages} pages for {uri.GetLeftPart(UriPartial.Path)}");
        }
        var caller = Cancellation;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, caller);
        timeout.CancelAfter(timeoutPerRequest);
        try
        {
            using var response = await SendFollowingRedirectsAsync(request, uri, timeout.Token).ConfigureAwait(false);
            var body = await ReadBodyAsync(response, request.Method, uri, timeout.Token).ConfigureAwait(false);
            var headers = response.Headers.ToDictionary(h => h.Key, h => h.Value.First(), StringComparer.OrdinalIgnoreCase);
            return new GitHubResponse(response.StatusCode, response.ReasonPhrase, body, response.Content.Headers.ContentType?.MediaType,
                headers, request.Method, uri);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested
            && !cancellationToken.IsCancellationRequested && !caller.IsCancellationRequested)
        {
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                $"GitHub API did not answer {request.Method} {uri.GetLeftPart(UriPartial.Path)} within {timeoutPerRequest.TotalSeconds:0.#}s; check githubApiURL and the network path to it"));
        }
    }

    public void SetRequestTimeout(TimeSpan timeout) => timeoutPerRequest = timeout;

    /// <summary>
    /// Sends the request, following redirects only under githubApiURL (with the token, at most five):
    /// the shared client follows none, so a redirect elsewhere is an error and the token never leaves the configured host.
    /// </summary>
    private async Task<HttpResponseMessage> SendFollowingRedirectsAsync(IRequest request, Uri uri, CancellationToken cancellationToken)
    {
        for (var redirects = 0; ; redirects++)
        {
            using var message = BuildMessage(request, uri);
            var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if ((int)response.StatusCode is < 300 or >= 400 or 304 || response.Headers.Location is not { } location)
            {
                return response;
            }
            response.Dispose();
            var next = location.IsAbsoluteUri ? location : new Uri(uri, location);
            if (!IsUnderApiRoot(next))
            {
                throw new GitHubApiException($"GitHub API redirected {uri.GetLeftPart(UriPartial.Path)} to {next.GetLeftPart(UriPartial.Path)}, outside the configured API URL {apiRoot.AbsoluteUri}; the token is only sent to githubApiURL, so set it to the final address");
            }
            if (redirects >= 5)
            {
                throw new GitHubApiException($"GitHub API redirected {uri.GetLeftPart(UriPartial.Path)} more than 5 times");
            }
            uri = next;
        }
    }

    public void Dispose()
    {
        // The HttpClient is shared between scalers and owned by the host.
    }

    private bool IsUnderApiRoot(Uri uri) =>
        string.Equals(uri.Scheme, apiRoot.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.IdnHost, apiRoot.IdnHost, StringComparison.OrdinalIgnoreCase)
        && uri.Port == apiRoot.Port
        && uri.AbsolutePath.StartsWith(apiRoot.AbsolutePath, StringComparison.Ordinal);

    private static int PageNumber(Uri uri)
    {
        foreach (var pair in uri.Query.TrimStart('?').Split('&'))
        {
            if (pair.StartsWith("page=", StringComparison.Ordinal)
                && int.TryParse(pair["page=".Length..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var page))
            {
                return page;
            }
        }
        return 1;
    }

    private static HttpRequestMessage BuildMessage(IRequest request, Uri uri)
    {
        var message = new HttpRequestMessage(request.Method, uri);
        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }
        // Octokit asks for its preview media types; GitHub's current REST version is chosen by header.
        message.Headers.Remove("Accept");
        message.Headers.TryAddWithoutValidation("Accept", "application/vnd.github+json");
        message.Headers.Remove("X-GitHub-Api-Version");
        message.Headers.TryAddWithoutValidation("X-GitHub-Api-Version", "2022-11-28");
        switch (request.Body)
        {
            case null:
                break;
            case string text:
                message.Content = new StringContent(text, Encoding.UTF8, request.ContentType ?? "application/json");
                break;
            default:
                message.Dispose();
                throw new NotSupportedException("the github-runner scaler sends no request body but text");
        }
        return message;
    }

    private static async Task<string> ReadBodyAsync(HttpResponseMessage response, HttpMethod method, Uri uri, CancellationToken cancellationToken)
    {
        var body = await Crema.Abstractions.CappedBody.ReadAsync(response, MaxBodyBytes, cancellationToken).ConfigureAwait(false)
            ?? throw TooLarge(response, method, uri);
        return Encoding.UTF8.GetString(body);
    }

    private static GitHubApiException TooLarge(HttpResponseMessage response, HttpMethod method, Uri uri) =>
        new(response.StatusCode, string.Create(CultureInfo.InvariantCulture,
            $"GitHub's reply to {method} {uri.GetLeftPart(UriPartial.Path)} is larger than {MaxBodyBytes / (1024 * 1024)} MiB; not read"));
}
