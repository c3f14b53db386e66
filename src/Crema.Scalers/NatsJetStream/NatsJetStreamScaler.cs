using System.Runtime.CompilerServices;
using Crema.Abstractions;
using Crema.Scalers.Http;

namespace Crema.Scalers.NatsJetStream;

/// <summary>
/// Reads a <c>nats-jetstream</c> trigger as KEDA does: GET /jsz?acc=..&amp;config=true&amp;consumers=true on the
/// monitoring endpoint; the lag is the consumer's num_pending + num_ack_pending. In a cluster (meta_cluster size
/// above 1) only the consumer's leader has the current figures, so the scaler asks /varz for the nodes, finds the
/// node whose server_name is the consumer's leader, and keeps reading that node until the leader moves.
/// Reads never overlap (the engine runs one at a time per trigger), so the cached leader needs no lock.
/// </summary>
internal sealed class NatsJetStreamScaler : IScaler
{
    private const string Operation = "nats-jetstream monitoring request";

    private readonly NatsJetStreamMetadata metadata;
    private readonly HttpSource source;
    private readonly string monitoringUrl;
    private string? leaderUrl;
    private string? consumerLeader;

    public NatsJetStreamScaler(NatsJetStreamMetadata metadata, HttpClient client, TimeProvider timeProvider)
    {
        this.metadata = metadata;
        source = new HttpSource(client, new HttpSourceOptions { Operation = Operation, Timeout = NatsJetStreamMetadata.Timeout }, timeProvider);
        monitoringUrl = NatsMonitoringUrls.Jsz(metadata.Scheme, metadata.Endpoint, metadata.AccountId);
    }

    /// <summary>The node URL the scaler reads while the consumer's leader stays put; null before a clustered read.</summary>
    internal string? LeaderUrl => leaderUrl;

    public async ValueTask<MetricReading> ReadAsync(CancellationToken cancellationToken)
    {
        var requests = new StrongBox<int>(0);
        var cachedLeader = consumerLeader;
        var view = await JszAsync(leaderUrl ?? monitoringUrl, requests, cancellationToken).ConfigureAwait(false);
        if (view.Consumer is { } consumer)
        {
            consumerLeader = consumer.Leader;
            if (!string.IsNullOrEmpty(cachedLeader) && cachedLeader == consumer.Leader)
            {
                return Reading(consumer.Lag, requests);
            }
        }
        else if (!string.IsNullOrEmpty(cachedLeader))
        {
            // The node we remembered no longer has the consumer: start again from the configured endpoint.
            leaderUrl = null;
            consumerLeader = null;
        }
        if (view.ClusterSize > 1)
        {
            var (url, leader) = await FindLeaderAsync(requests, cancellationToken).ConfigureAwait(false);
            leaderUrl = url;
            consumerLeader = leader.Leader;
            return Reading(leader.Lag, requests);
        }
        return view.Consumer is { } found ? Reading(found.Lag, requests) : throw Missing(view);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask; // the HttpClient is shared and owned by the host

    private MetricReading Reading(long lag, StrongBox<int> requests) => metadata.ToReading(lag) with
    {
        Details = new Dictionary<string, double> { ["api_requests"] = requests.Value },
    };

    /// <summary>KEDA's search: each advertised client URL (else each route URL) is a node; the leader is the node whose name the consumer names.</summary>
    private async Task<(string Url, NatsConsumerLag Consumer)> FindLeaderAsync(StrongBox<int> requests, CancellationToken cancellationToken)
    {
        var varz = await VarzAsync(NatsMonitoringUrls.Varz(metadata.Scheme, metadata.Endpoint), requests, cancellationToken).ConfigureAwait(false);
        var advertised = varz.ConnectUrls.Count > 0;
        var nodes = advertised ? varz.ConnectUrls : varz.RouteUrls;
        foreach (var nodeUrl in nodes)
        {
            string node;
            string hostPort;
            if (advertised)
            {
                hostPort = NatsMonitoringUrls.NodeHostPort(nodeUrl, metadata.Endpoint);
                node = (await VarzAsync(NatsMonitoringUrls.Varz(metadata.Scheme, hostPort), requests, cancellationToken).ConfigureAwait(false)).ServerName;
            }
            else
            {
                node = NatsMonitoringUrls.NodeName(nodeUrl);
                hostPort = $"{node}.{metadata.Endpoint}";
            }
            var url = NatsMonitoringUrls.Jsz(metadata.Scheme, hostPort, metadata.AccountId);
            var view = await JszAsync(url, requests, cancellationToken).ConfigureAwait(false);
            if (view.Consumer is { } consumer && consumer.Leader == node)
            {
                return (url, consumer);
            }
        }
        throw new NatsJetStreamException(
            $"nats-jetstream at {metadata.Endpoint}: leader node not found for consumer \"{metadata.Consumer}\" of stream \"{metadata.Stream}\" " +
            $"(asked {nodes.Count} node(s) from /varz {(advertised ? "connect_urls" : "cluster.urls")}; none reported itself as the consumer's leader)");
    }

    private NatsJetStreamException Missing(NatsJszView view) => view.StreamFound
        ? new($"nats-jetstream at {metadata.Endpoint}: consumer \"{metadata.Consumer}\" not found in stream \"{metadata.Stream}\"")
        : new($"nats-jetstream at {metadata.Endpoint}: stream \"{metadata.Stream}\" not found in account \"{metadata.AccountId}\"");

    private async Task<NatsJszView> JszAsync(string url, StrongBox<int> requests, CancellationToken cancellationToken)
    {
        var (body, where) = await GetAsync(url, requests, cancellationToken).ConfigureAwait(false);
        try
        {
            return NatsMonitoringParser.ParseJsz(body, metadata);
        }
        catch (NatsJetStreamException e)
        {
            throw new NatsJetStreamException($"nats-jetstream at {where}: {e.Message}");
        }
    }

    private async Task<NatsVarz> VarzAsync(string url, StrongBox<int> requests, CancellationToken cancellationToken)
    {
        var (body, where) = await GetAsync(url, requests, cancellationToken).ConfigureAwait(false);
        try
        {
            return NatsMonitoringParser.ParseVarz(body);
        }
        catch (NatsJetStreamException e)
        {
            throw new NatsJetStreamException($"nats-jetstream at {where}: {e.Message}");
        }
    }

    private async Task<(byte[] Body, string Where)> GetAsync(string url, StrongBox<int> requests, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw new NatsJetStreamException($"nats-jetstream: the node address in {UntrustedText.Escape(url)} (from /varz) is not a valid URL");
        }
        requests.Value++;
        var where = UntrustedText.Escape(uri.Authority);
        try
        {
            return ((await source.GetAsync(url, cancellationToken).ConfigureAwait(false)).Body, where);
        }
        catch (Exception e) when (e is HttpSourceException or TimeoutException)
        {
            throw new NatsJetStreamException($"nats-jetstream at {where}: {e.Message} (is it the monitoring port, started with -m/http_port?)");
        }
    }
}
