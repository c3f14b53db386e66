using System.Text.Json;
using Crema.Abstractions;
using Crema.Scalers.Http;

namespace Crema.Scalers.RabbitMq;

/// <summary>
/// Reads a <c>rabbitmq</c> trigger over the management API: GET /api/queues/{vhost}/{queue}, or the first
/// page of /api/queues/{vhost}?use_regex=true&amp;name=... with useRegex, within the trigger's timeout.
/// Credentials from the host URL (or username/password) go as a basic header, only to that host.
/// </summary>
internal sealed class RabbitMqHttpScaler : IScaler
{
    private const string Operation = "rabbitmq management API request";

    private readonly RabbitMqMetadata metadata;
    private readonly HttpSource source;
    private readonly Uri host;
    private readonly string identity;

    private RabbitMqHttpScaler(RabbitMqMetadata metadata, HttpSource source, Uri host, string identity)
    {
        this.metadata = metadata;
        this.source = source;
        this.host = host;
        this.identity = identity;
    }

    /// <summary>Builds the scaler; its HttpClient is the host's shared one for these TLS settings.</summary>
    public static RabbitMqHttpScaler Create(RabbitMqMetadata metadata, ScalerContext context)
    {
        var host = RabbitMqHostUrl.Parse(metadata.Host) ?? throw new RabbitMqException("rabbitmq: the host is not a URL");
        var authentication = Authentication(metadata, host);
        var tls = metadata.Tls;
        // As in KEDA, ca and the client certificate apply only with tls: enable; unsafeSsl always.
        var settings = tls.Enabled
            ? new HttpClientSettings(metadata.UnsafeSsl, tls.Ca, tls.HasClientCertificate ? tls.Cert : null, tls.HasClientCertificate ? RabbitMqClientCertificate.UnencryptedKeyPem(tls) : null)
            : new HttpClientSettings(metadata.UnsafeSsl);
        var source = new HttpSource(context.Services.GetHttpClient(settings), new HttpSourceOptions
        {
            Operation = Operation,
            Timeout = metadata.Timeout,
            Authentication = authentication,
        }, context.TimeProvider);
        var identity = authentication.OAuth is { } oauth ? $"OAuth2 client \"{oauth.ClientId}\""
            : authentication.Username is { } user ? $"user \"{user}\""
            : "no credentials";
        return new RabbitMqHttpScaler(metadata, source, host, identity);
    }

    public async ValueTask<MetricReading> ReadAsync(CancellationToken cancellationToken)
    {
        var url = metadata.UseRegex
            ? RabbitMqManagementUrls.Matching(host, metadata.VhostName, metadata.QueueName, metadata.PageSize)
            : RabbitMqManagementUrls.Queue(host, metadata.VhostName, metadata.QueueName);
        var body = await GetAsync(url, cancellationToken).ConfigureAwait(false);
        RabbitMqQueueStats stats;
        int? matched = null;
        using (var document = Parse(body))
        {
            if (metadata.UseRegex)
            {
                var (queues, pages) = RabbitMqQueueInfoParser.ParseListing(document.RootElement, metadata.ExcludeUnacknowledged);
                if (pages > 1)
                {
                    throw new RabbitMqException(
                        $"rabbitmq management API at {Where}: the pattern \"{metadata.QueueName}\" matches more queues than one page of {metadata.PageSize} holds; raise pageSize or narrow queueName");
                }
                stats = RabbitMqQueueStats.Combine(queues, metadata.Operation);
                matched = queues.Count;
            }
            else
            {
                stats = RabbitMqQueueInfoParser.ParseQueue(document.RootElement, metadata.ExcludeUnacknowledged);
            }
        }
        var (value, active) = RabbitMqMetric.Compute(metadata.Mode, stats, metadata.ActivationValue);
        return metadata.ToReading(value) with
        {
            IsActive = active,
            Details = matched is { } count ? new Dictionary<string, double> { ["queues_matched"] = count } : null,
        };
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask; // the HttpClient is shared and owned by the host

    /// <summary>The basic credentials KEDA puts in the URL (username/password override the URL's), or OAuth2.</summary>
    internal static HttpAuthentication Authentication(RabbitMqMetadata metadata, Uri host)
    {
        if (metadata.OAuth is { } oauth)
        {
            return new HttpAuthentication { Modes = HttpAuthModes.OAuth, OAuth = oauth };
        }
        if (metadata.Username is not null && metadata.Password is not null)
        {
            return new HttpAuthentication { Modes = HttpAuthModes.Basic, Username = metadata.Username, Password = metadata.Password };
        }
        return RabbitMqHostUrl.UserOf(host) is { } user
            ? new HttpAuthentication { Modes = HttpAuthModes.Basic, Username = user, Password = RabbitMqHostUrl.PasswordOf(host) ?? "" }
            : HttpAuthentication.None;
    }

    private string Where => RabbitMqHostUrl.Describe(host);

    private string Vhost => RabbitMqManagementUrls.VhostName(RabbitMqManagementUrls.VhostAndPrefix(host.AbsolutePath, metadata.VhostName).VhostPath);

    private async Task<byte[]> GetAsync(string url, CancellationToken cancellationToken)
    {
        try
        {
            return (await source.GetAsync(url, cancellationToken).ConfigureAwait(false)).Body;
        }
        catch (HttpSourceException e) when (e.StatusCode == 401)
        {
            throw new RabbitMqException($"rabbitmq management API at {Where} refused {identity} (HTTP 401); check the credentials and the user's permissions on vhost \"{Vhost}\" ({e.Message})", e);
        }
        catch (HttpSourceException e) when (e.StatusCode == 404)
        {
            throw new RabbitMqException(await DescribeMissingAsync(cancellationToken).ConfigureAwait(false), e);
        }
        catch (Exception e) when (e is HttpSourceException or TimeoutException)
        {
            throw new RabbitMqException($"rabbitmq management API at {Where} ({identity}): {e.Message}", e);
        }
    }

    /// <summary>Tells a missing vhost from a missing queue with one more request, made only after a 404.</summary>
    private async Task<string> DescribeMissingAsync(CancellationToken cancellationToken)
    {
        var queue = metadata.UseRegex ? $"queues matching \"{metadata.QueueName}\"" : $"queue \"{metadata.QueueName}\"";
        try
        {
            await source.GetAsync(RabbitMqManagementUrls.Vhost(host, metadata.VhostName), cancellationToken).ConfigureAwait(false);
            return $"rabbitmq management API at {Where}: {queue} not found in vhost \"{Vhost}\" (HTTP 404)";
        }
        catch (HttpSourceException e) when (e.StatusCode == 404)
        {
            return $"rabbitmq management API at {Where}: vhost \"{Vhost}\" not found (HTTP 404); check the host URL's path or vhostName";
        }
        catch (Exception e) when (e is HttpSourceException or TimeoutException)
        {
            return $"rabbitmq management API at {Where}: {queue} or vhost \"{Vhost}\" not found (HTTP 404)";
        }
    }

    private JsonDocument Parse(byte[] body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            throw new RabbitMqException($"rabbitmq management API at {Where}: the reply is not JSON (is the host the management plugin's port, usually 15672?)");
        }
    }
}
