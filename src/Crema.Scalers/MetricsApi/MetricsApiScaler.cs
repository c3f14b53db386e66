using System.Globalization;
using Crema.Abstractions;
using Crema.Scalers.Http;

namespace Crema.Scalers.MetricsApi;

/// <summary>
/// Reads one <c>metrics-api</c> trigger: GET {url} through <see cref="HttpSource"/> (timeout, credentials,
/// same-host redirects, 4 MiB body cap, redacted errors); only a 200 reply carries a value, as in KEDA;
/// the value is read at valueLocation in the configured format. Active while it is above activationTargetValue.
/// </summary>
internal sealed class MetricsApiScaler : IScaler
{
    private readonly MetricsApiMetadata metadata;
    private readonly HttpSource source;
    private readonly string operation;

    public MetricsApiScaler(MetricsApiMetadata metadata, HttpClient client, TimeProvider timeProvider)
    {
        this.metadata = metadata;
        // The query string is left out of messages: with apiKey method query it holds the key.
        operation = $"metrics-api GET {metadata.Url.GetLeftPart(UriPartial.Path)}";
        source = new HttpSource(client, new HttpSourceOptions
        {
            Operation = operation,
            Timeout = metadata.Timeout,
            Authentication = metadata.Authentication,
        }, timeProvider);
    }

    public async ValueTask<MetricReading> ReadAsync(CancellationToken cancellationToken)
    {
        var response = await source.GetAsync(metadata.Url.AbsoluteUri, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != 200)
        {
            throw new MetricsApiException(
                $"{operation} answered HTTP {response.StatusCode.ToString(CultureInfo.InvariantCulture)}; a value is read only from a 200 OK reply (as KEDA does)");
        }
        try
        {
            return metadata.ToReading(metadata.Extractor.Extract(response.Body));
        }
        catch (MetricsApiException e)
        {
            // The message may quote the response, which may echo a credential, and the valueLocation as written.
            throw new MetricsApiException(response.Redactor.Clean(e.Message), e);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask; // the HttpClient is shared and owned by the host
}
