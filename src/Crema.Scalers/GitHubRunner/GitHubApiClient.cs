using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Crema.Scalers.GitHubRunner.Json;
using Crema.Scalers.Http;

namespace Crema.Scalers.GitHubRunner;

/// <summary>
/// GETs GitHub REST resources with the headers GitHub asks for, follows <c>Link: rel="next"</c>
/// pages, makes requests conditional when an ETag cache is given, and counts requests per poll.
/// Not thread-safe: one poll at a time.
/// </summary>
internal sealed class GitHubApiClient(
    HttpClient http,
    Uri apiUrl,
    IGitHubTokenSource tokens,
    GitHubRateLimitState rateLimit,
    GitHubEtagCache? etags,
    TimeSpan? requestTimeout = null)
{
    internal const string UserAgent = "crema-github-runner-scaler";
    private const int MaxPages = 200;
    private static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(30);
    private readonly TimeSpan timeoutPerRequest = requestTimeout ?? DefaultRequestTimeout;
    private readonly string baseUrl = apiUrl.AbsoluteUri.TrimEnd('/');

    /// <summary>Requests sent since <see cref="BeginPoll"/>, conditional ones included.</summary>
    public int Requests { get; private set; }

    /// <summary>Requests since <see cref="BeginPoll"/> answered 304 (free against the rate limit).</summary>
    public int NotModified { get; private set; }

    public void BeginPoll()
    {
        Requests = 0;
        NotModified = 0;
        etags?.BeginPoll();
    }

    /// <summary>Counts a request made elsewhere on GitHub's API (the installation token exchange).</summary>
    public void CountRequest() => Requests++;

    /// <summary>Builds an absolute URL from a path such as <c>/repos/o/r/actions/runs?status=queued</c>.</summary>
    public string Url(string pathAndQuery) => baseUrl + pathAndQuery;

    /// <summary>Reads every page of a list and returns its items in order.</summary>
    public async Task<List<TItem>> GetAllAsync<TPage, TItem>(
        string pathAndQuery, JsonTypeInfo<TPage> type, Func<TPage, IEnumerable<TItem>?> items, CancellationToken cancellationToken)
        where TPage : class
    {
        var result = new List<TItem>();
        string? url = Url(pathAndQuery);
        for (var page = 0; url is not null; page++)
        {
            if (page == MaxPages)
            {
                throw new GitHubApiException(HttpStatusCode.OK, $"GitHub returned more than {MaxPages} pages for {PathOf(pathAndQuery)}");
            }
            var (body, next) = await GetPageWithTimeoutAsync(url, type, cancellationToken).ConfigureAwait(false);
            result.AddRange(items(body) ?? []);
            url = next;
        }
        return result;
    }

    /// <summary>
    /// One page within the per-request timeout (the installation token exchange included). A timeout
    /// becomes a <see cref="TimeoutException"/> naming the call, not a bare cancellation that reads as shutdown.
    /// </summary>
    private async Task<(TPage Body, string? Next)> GetPageWithTimeoutAsync<TPage>(string url, JsonTypeInfo<TPage> type, CancellationToken cancellationToken)
        where TPage : class
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(timeoutPerRequest);
        try
        {
            return await GetPageAsync(url, type, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                $"GitHub API did not answer GET {PathOf(url)} within {timeoutPerRequest.TotalSeconds:0.#}s; check githubApiURL and the network path to it"));
        }
    }

    private async Task<(TPage Body, string? Next)> GetPageAsync<TPage>(string url, JsonTypeInfo<TPage> type, CancellationToken cancellationToken)
        where TPage : class
    {
        object? cached = null;
        string? cachedNext = null;
        string? etag = null;
        if (etags is not null && etags.TryGet(url, out var e, out var v, out var n))
        {
            (etag, cached, cachedNext) = (e, v, n);
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        await AddHeadersAsync(request, cancellationToken).ConfigureAwait(false);
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }
        Requests++;
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotModified && cached is TPage unchanged)
        {
            NotModified++;
            rateLimit.Observe(response, null);
            return (unchanged, cachedNext);
        }
        if (!response.IsSuccessStatusCode)
        {
            await ThrowAsync(response, url, cancellationToken).ConfigureAwait(false);
        }
        rateLimit.Observe(response, null);
        var body = await response.Content.ReadFromJsonAsync(type, cancellationToken).ConfigureAwait(false)
            ?? throw new GitHubApiException(response.StatusCode, $"GitHub returned an empty body for {PathOf(url)}");
        var next = GitHubLinkHeader.Next(response);
        if (next is not null && !next.StartsWith(baseUrl + "/", StringComparison.OrdinalIgnoreCase))
        {
            // Never send the token to another host than the configured API.
            throw new GitHubApiException(response.StatusCode, $"GitHub's next-page link for {PathOf(url)} leaves the configured API URL");
        }
        if (etags is not null && response.Headers.ETag is { } newTag)
        {
            etags.Set(url, newTag.ToString(), body, next);
        }
        return (body, next);
    }

    internal async Task AddHeadersAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
        request.Headers.TryAddWithoutValidation("X-GitHub-Api-Version", "2022-11-28");
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        var token = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    private async Task ThrowAsync(HttpResponseMessage response, string url, CancellationToken cancellationToken)
    {
        var message = await ReadErrorMessageAsync(response, cancellationToken).ConfigureAwait(false);
        if (rateLimit.Observe(response, message) is { } until)
        {
            throw new GitHubRateLimitedException(until);
        }
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            tokens.Invalidate();
        }
        var detail = string.IsNullOrWhiteSpace(message) ? "" : $": {message}";
        throw new GitHubApiException(response.StatusCode,
            $"GitHub API returned {(int)response.StatusCode} {response.ReasonPhrase} for GET {PathOf(url)}{detail}");
    }

    internal static async Task<string?> ReadErrorMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var error = await response.Content.ReadFromJsonAsync(GitHubJsonContext.Default.GitHubErrorBody, cancellationToken).ConfigureAwait(false);
            return error?.Message is { } message ? HttpErrorExcerpt.From(message, []) : null;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The path of a URL without its query, for messages.</summary>
    private static string PathOf(string url)
    {
        var query = url.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? url : url[..query];
    }
}
