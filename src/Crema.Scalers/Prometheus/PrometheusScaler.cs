using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Crema.Abstractions;
using Crema.Scalers.Http;

namespace Crema.Scalers.Prometheus;

/// <summary>
/// Reads one <c>prometheus</c> trigger: GET {serverAddress}/api/v1/query?query=..&amp;time=now,
/// within the metadata's timeout. Active while the value is above activationThreshold.
/// </summary>
internal sealed class PrometheusScaler(
    PrometheusMetadata metadata,
    HttpClient client,
    IAccessTokenSource? googleTokens,
    TimeProvider timeProvider) : IScaler
{
    /// <summary>The OAuth scope KEDA asks for on Google's managed Prometheus.</summary>
    internal const string GoogleMonitoringReadScope = "https://www.googleapis.com/auth/monitoring.read";

    private static readonly string[] GoogleScopes = [GoogleMonitoringReadScope];

    public async ValueTask<MetricReading> ReadAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(metadata.Timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var value = await QueryAsync(linked.Token).ConfigureAwait(false);
            return metadata.ToReading(value);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"prometheus query timed out after {metadata.Timeout.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)}ms");
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask; // the HttpClient is shared and owned by the host

    /// <summary>The request URL at <paramref name="now"/>, with KEDA's parameters in KEDA's order.</summary>
    internal string BuildUrl(DateTimeOffset now)
    {
        var url = new StringBuilder(metadata.ServerAddress)
            .Append("/api/v1/query?query=").Append(Uri.EscapeDataString(metadata.Query))
            .Append("&time=").Append(Uri.EscapeDataString(now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)));
        if (metadata.Namespace is not null)
        {
            url.Append("&namespace=").Append(Uri.EscapeDataString(metadata.Namespace));
        }
        foreach (var (key, value) in metadata.QueryParameters)
        {
            url.Append('&').Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
        }
        return url.ToString();
    }

    private async Task<double> QueryAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, BuildUrl(timeProvider.GetUtcNow()));
        foreach (var (name, value) in metadata.CustomHeaders)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        metadata.Authentication.Apply(request);
        var googleToken = await GoogleTokenAsync(cancellationToken).ConfigureAwait(false);
        if (googleToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", googleToken);
        }

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var secrets = metadata.Authentication.SecretValues.Concat(metadata.CustomHeaders.Values);
            var excerpt = await HttpErrorExcerpt.ReadAsync(response, googleToken is null ? secrets : secrets.Append(googleToken), cancellationToken).ConfigureAwait(false);
            throw new PrometheusQueryException(
                $"prometheus query failed: HTTP {(int)response.StatusCode} {response.ReasonPhrase}{(excerpt.Length > 0 ? ": " + excerpt : "")}");
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            throw new PrometheusQueryException("prometheus response is not valid JSON");
        }
        using (document)
        {
            return PrometheusResponseParser.Parse(document.RootElement, metadata.IgnoreNullValues);
        }
    }

    private async ValueTask<string?> GoogleTokenAsync(CancellationToken cancellationToken)
    {
        if (!metadata.UseGoogleIdentity)
        {
            return null;
        }
        if (googleTokens is null)
        {
            throw new PrometheusQueryException(
                "prometheus: Google's managed Prometheus (or podIdentity gcp) needs Google Application Default Credentials, and none are available");
        }
        return await googleTokens.GetAccessTokenAsync(GoogleScopes, cancellationToken).ConfigureAwait(false);
    }
}
