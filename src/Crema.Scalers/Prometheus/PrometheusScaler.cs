using System.Globalization;
using System.Text;
using System.Text.Json;
using Crema.Abstractions;
using Crema.Scalers.Http;

namespace Crema.Scalers.Prometheus;

/// <summary>
/// Reads one <c>prometheus</c> trigger: GET {serverAddress}/api/v1/query?query=..&amp;time=now,
/// within the metadata's timeout. Active while the value is above activationThreshold.
/// </summary>
internal sealed class PrometheusScaler : IScaler
{
    /// <summary>The OAuth scope KEDA asks for on Google's managed Prometheus.</summary>
    internal const string GoogleMonitoringReadScope = "https://www.googleapis.com/auth/monitoring.read";

    private static readonly string[] GoogleScopes = [GoogleMonitoringReadScope];

    private readonly PrometheusMetadata metadata;
    private readonly TimeProvider timeProvider;
    private readonly HttpSource source;

    public PrometheusScaler(PrometheusMetadata metadata, HttpClient client, IAccessTokenSource? googleTokens, TimeProvider timeProvider)
    {
        this.metadata = metadata;
        this.timeProvider = timeProvider;
        source = new HttpSource(client, new HttpSourceOptions
        {
            Operation = "prometheus query",
            Timeout = metadata.Timeout,
            Authentication = metadata.Authentication,
            Headers = metadata.CustomHeaders,
            BearerTokenSource = metadata.UseGoogleIdentity ? token => GoogleTokenAsync(googleTokens, token) : null,
        }, timeProvider);
    }

    public async ValueTask<MetricReading> ReadAsync(CancellationToken cancellationToken)
    {
        var response = await source.GetAsync(BuildUrl(timeProvider.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        try
        {
            return metadata.ToReading(PrometheusResponseParser.Parse(response.Body, metadata.IgnoreNullValues));
        }
        catch (PrometheusQueryException e)
        {
            // The server's error text may echo the request, credentials included.
            throw new PrometheusQueryException(response.Redactor.Clean(e.Message));
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

    private static async ValueTask<string> GoogleTokenAsync(IAccessTokenSource? googleTokens, CancellationToken cancellationToken)
    {
        if (googleTokens is null)
        {
            throw new PrometheusQueryException(
                "prometheus: Google's managed Prometheus (or podIdentity gcp) needs Google Application Default Credentials, and none are available");
        }
        return await googleTokens.GetAccessTokenAsync(GoogleScopes, cancellationToken).ConfigureAwait(false);
    }
}
