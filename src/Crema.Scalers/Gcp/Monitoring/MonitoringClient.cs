using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Crema.Abstractions;

namespace Crema.Scalers.Gcp.Monitoring;

/// <summary>
/// A minimal REST client for Cloud Monitoring v3 <c>projects.timeSeries.list</c>. One instance per
/// (endpoint, credential) is shared by every trigger through <see cref="MonitoringClientPool"/>, so
/// many scaled objects in a project share one connection pool and one token.
/// </summary>
internal sealed class MonitoringClient
{
    /// <summary>Largest reply read from Cloud Monitoring (a time series query answers in KiB).</summary>
    internal const long MaxResponseBytes = 16 * 1024 * 1024;

    /// <summary>The OAuth scope for reading metrics.</summary>
    public const string ReadScope = "https://www.googleapis.com/auth/monitoring.read";

    /// <summary>The public endpoint used unless CREMA_MONITORING_ENDPOINT overrides it.</summary>
    public static readonly Uri DefaultEndpoint = new("https://monitoring.googleapis.com");

    // A runaway pager (a server that always returns a token) must not loop forever.
    private const int MaxPages = 100;
    private static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(30);
    private static readonly string[] Scopes = [ReadScope];

    private readonly HttpClient http;
    private readonly IAccessTokenSource? tokens;
    private readonly TimeSpan requestTimeout;

    public MonitoringClient(HttpClient http, Uri endpoint, IAccessTokenSource? tokens, string identity, TimeSpan? requestTimeout = null)
    {
        this.http = http;
        this.tokens = tokens;
        this.requestTimeout = requestTimeout ?? DefaultRequestTimeout;
        Endpoint = endpoint;
        Identity = identity;
    }

    /// <summary>The base URL (scheme, host, port) requests go to.</summary>
    public Uri Endpoint { get; }

    /// <summary>Who the calls run as, for error messages (a service-account email, never a key).</summary>
    public string Identity { get; }

    /// <summary>
    /// True for a plain-http endpoint (a local fake or emulator): no Authorization header is sent,
    /// so tests need no credentials and a token never travels unencrypted (as the Google clients).
    /// </summary>
    public bool IsLocalFake => Endpoint.Scheme == Uri.UriSchemeHttp;

    /// <summary>Lists every series matching the query, following <c>nextPageToken</c> to the end.</summary>
    public async Task<TimeSeriesList> ListTimeSeriesAsync(TimeSeriesQuery query, CancellationToken cancellationToken)
    {
        var series = new List<TimeSeriesData>();
        string? pageToken = null;
        var requests = 0;
        do
        {
            requests++;
            var body = await GetPageWithTimeoutAsync(query, pageToken, cancellationToken).ConfigureAwait(false);
            var page = TimeSeriesJsonReader.ReadPage(body);
            series.AddRange(page.Series);
            pageToken = page.NextPageToken;
        }
        while (pageToken is not null && requests < MaxPages);
        return new TimeSeriesList(series, requests);
    }

    /// <summary>The request path and query string of one page (exposed for tests).</summary>
    public static string BuildRelativeUri(TimeSeriesQuery query, string? pageToken)
    {
        var builder = new StringBuilder("v3/projects/")
            .Append(Uri.EscapeDataString(query.ProjectId))
            .Append("/timeSeries?filter=").Append(Uri.EscapeDataString(query.Filter))
            .Append("&interval.startTime=").Append(Uri.EscapeDataString(Rfc3339(query.StartTime)))
            .Append("&interval.endTime=").Append(Uri.EscapeDataString(Rfc3339(query.EndTime)));
        if (query.Aggregation is { } aggregation)
        {
            var seconds = Math.Max(1, (long)Math.Ceiling(aggregation.AlignmentPeriod.TotalSeconds));
            builder.Append("&aggregation.alignmentPeriod=").Append(seconds.ToString(CultureInfo.InvariantCulture)).Append('s')
                .Append("&aggregation.perSeriesAligner=").Append(aggregation.PerSeriesAligner)
                .Append("&aggregation.crossSeriesReducer=").Append(aggregation.CrossSeriesReducer);
        }
        if (pageToken is not null)
        {
            builder.Append("&pageToken=").Append(Uri.EscapeDataString(pageToken));
        }
        return builder.ToString();
    }

    private static string Rfc3339(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>One page within the request timeout; a timeout becomes a <see cref="TimeoutException"/> naming the call.</summary>
    private async Task<string> GetPageWithTimeoutAsync(TimeSeriesQuery query, string? pageToken, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(requestTimeout);
        try
        {
            return await GetPageAsync(query, pageToken, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                $"Cloud Monitoring timeSeries.list for project '{query.ProjectId}' at {Endpoint} did not answer within {requestTimeout.TotalSeconds:0.#}s (as {Identity})"));
        }
    }

    private async Task<string> GetPageAsync(TimeSeriesQuery query, string? pageToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Endpoint, BuildRelativeUri(query, pageToken)));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (!IsLocalFake)
        {
            if (tokens is null)
            {
                throw new InvalidOperationException(
                    "No Google credentials for Cloud Monitoring: give the trigger GoogleApplicationCredentials " +
                    "(authenticationRef), credentialsFromEnv or credentialsFromEnvFile, or run the daemon with " +
                    "Application Default Credentials.");
            }
            var token = await tokens.GetAccessTokenAsync(Scopes, cancellationToken).ConfigureAwait(false);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var bytes = await CappedBody.ReadAsync(response, MaxResponseBytes, cancellationToken).ConfigureAwait(false)
            ?? throw new MonitoringApiException(response.StatusCode, "OUT_OF_RANGE",
                $"Cloud Monitoring's reply is larger than {MaxResponseBytes / 1024 / 1024} MiB, the most Crema reads; narrow the query or its filter");
        var body = System.Text.Encoding.UTF8.GetString(bytes);
        if (!response.IsSuccessStatusCode)
        {
            var retryAfter = response.Headers.RetryAfter?.Delta;
            throw MonitoringApiException.FromResponse(response.StatusCode, body, retryAfter, query.ProjectId, Identity);
        }
        return body;
    }
}
