namespace Crema.Scalers.Kafka.Protocol;

/// <summary>
/// The cluster view lag needs: metadata from any broker, the group coordinator, committed offsets
/// from it and log end offsets from each partition's leader. One connection per broker address is
/// kept open across polls; broken ones are replaced. Coordinator moves, leadership changes and
/// rebalances are retried (refreshing the coordinator or the metadata) up to <see cref="MaxAttempts"/> times.
/// </summary>
internal sealed partial class KafkaClient : IAsyncDisposable
{
    public const int MaxAttempts = 4;
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(100);
    private readonly IReadOnlyList<BrokerEndpoint> bootstrap;
    private readonly KafkaConnectionOptions options;
    private readonly Func<BrokerEndpoint, CancellationToken, Task<KafkaConnection>> connect;
    private readonly Dictionary<BrokerEndpoint, KafkaConnection> connections = [];
    private readonly Dictionary<int, BrokerEndpoint> brokers = [];
    private readonly Dictionary<string, BrokerEndpoint> coordinators = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim connectionsGate = new(1, 1);

    public KafkaClient(
        IReadOnlyList<BrokerEndpoint> bootstrap,
        KafkaConnectionOptions options,
        Func<BrokerEndpoint, CancellationToken, Task<KafkaConnection>>? connect = null)
    {
        if (bootstrap.Count == 0)
        {
            throw new ArgumentException("At least one bootstrap server is required.", nameof(bootstrap));
        }
        this.bootstrap = bootstrap;
        this.options = options;
        this.connect = connect ?? ((endpoint, ct) => KafkaConnection.OpenAsync(endpoint, options, ct));
    }

    /// <summary>How many connections were opened so far (they are reused between polls).</summary>
    public int ConnectionsOpened { get; private set; }

    /// <summary>Metadata for <paramref name="topics"/> (null = all), from the first broker that answers.</summary>
    public async Task<MetadataResponse> GetMetadataAsync(IReadOnlyList<string>? topics, CancellationToken cancellationToken)
    {
        Exception? last = null;
        BrokerEndpoint[] candidates;
        await connectionsGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            candidates = connections.Where(c => !c.Value.IsBroken).Select(c => c.Key).Concat(bootstrap).Distinct().ToArray();
        }
        finally
        {
            connectionsGate.Release();
        }
        foreach (var endpoint in candidates)
        {
            try
            {
                var connection = await GetConnectionAsync(endpoint, cancellationToken).ConfigureAwait(false);
                var metadata = await connection.SendAsync(new MetadataRequest(topics), cancellationToken).ConfigureAwait(false);
                lock (brokers)
                {
                    foreach (var broker in metadata.Brokers)
                    {
                        brokers[broker.NodeId] = new BrokerEndpoint(broker.Host, broker.Port);
                    }
                }
                return metadata;
            }
            catch (KafkaProtocolException ex) when (!cancellationToken.IsCancellationRequested)
            {
                last = ex;
            }
        }
        throw new KafkaProtocolException($"No Kafka broker answered Metadata (tried {string.Join(", ", candidates)}): {last?.Message}", last!);
    }

    /// <summary>The coordinator of <paramref name="groupId"/>, found once and remembered until it moves.</summary>
    public async Task<BrokerEndpoint> FindCoordinatorAsync(string groupId, CancellationToken cancellationToken)
    {
        lock (coordinators)
        {
            if (coordinators.TryGetValue(groupId, out var known))
            {
                return known;
            }
        }
        for (var attempt = 1; ; attempt++)
        {
            var connection = await AnyConnectionAsync(cancellationToken).ConfigureAwait(false);
            var response = await connection.SendAsync(new FindCoordinatorRequest(groupId), cancellationToken).ConfigureAwait(false);
            if (response.ErrorCode == 0)
            {
                var endpoint = new BrokerEndpoint(response.Host, response.Port);
                lock (coordinators)
                {
                    coordinators[groupId] = endpoint;
                }
                return endpoint;
            }
            if (!KafkaErrors.IsCoordinatorRetriable((KafkaErrorCode)response.ErrorCode) || attempt >= MaxAttempts)
            {
                throw KafkaErrors.ToException(response.ErrorCode, $"FindCoordinator for group \"{groupId}\"");
            }
            await BackoffAsync(attempt, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Committed offsets of the group: for the given partitions, or for everything it committed
    /// when <paramref name="topics"/> is null. Partitions without a commit have offset -1.
    /// </summary>
    public async Task<IReadOnlyList<OffsetFetchResponse.Partition>> FetchCommittedOffsetsAsync(
        string groupId, IReadOnlyDictionary<string, IReadOnlyList<int>>? topics, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var coordinator = await FindCoordinatorAsync(groupId, cancellationToken).ConfigureAwait(false);
            KafkaErrorCode error;
            try
            {
                var connection = await GetConnectionAsync(coordinator, cancellationToken).ConfigureAwait(false);
                var response = await connection.SendAsync(new OffsetFetchRequest(groupId, topics), cancellationToken).ConfigureAwait(false);
                error = (KafkaErrorCode)response.ErrorCode;
                if (error == KafkaErrorCode.None)
                {
                    error = response.Partitions.Select(p => (KafkaErrorCode)p.ErrorCode).FirstOrDefault(e => e != KafkaErrorCode.None);
                }
                if (error == KafkaErrorCode.None)
                {
                    return response.Partitions;
                }
            }
            catch (KafkaProtocolException ex) when (ex.ErrorCode is KafkaErrorCode.None or KafkaErrorCode.RequestTimedOut && attempt < MaxAttempts)
            {
                error = KafkaErrorCode.CoordinatorNotAvailable;
            }
            if (!KafkaErrors.IsCoordinatorRetriable(error) || attempt >= MaxAttempts)
            {
                throw KafkaErrors.ToException((short)error, $"OffsetFetch for group \"{groupId}\"");
            }
            lock (coordinators)
            {
                coordinators.Remove(groupId);
            }
            await BackoffAsync(attempt, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in connections.Values)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
        connections.Clear();
        connectionsGate.Dispose();
    }

    private async Task<KafkaConnection> AnyConnectionAsync(CancellationToken cancellationToken)
    {
        await connectionsGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        KafkaConnection? open;
        try
        {
            open = connections.Values.FirstOrDefault(c => !c.IsBroken);
        }
        finally
        {
            connectionsGate.Release();
        }
        if (open is not null)
        {
            return open;
        }
        Exception? last = null;
        foreach (var endpoint in bootstrap)
        {
            try
            {
                return await GetConnectionAsync(endpoint, cancellationToken).ConfigureAwait(false);
            }
            catch (KafkaProtocolException ex) when (!cancellationToken.IsCancellationRequested)
            {
                last = ex;
            }
        }
        throw new KafkaProtocolException($"No Kafka bootstrap server is reachable: {last?.Message}", last!);
    }

    /// <summary>The open connection to <paramref name="endpoint"/>, or a new one when there is none or it broke.</summary>
    internal async Task<KafkaConnection> GetConnectionAsync(BrokerEndpoint endpoint, CancellationToken cancellationToken)
    {
        await connectionsGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (connections.TryGetValue(endpoint, out var existing))
            {
                if (!existing.IsBroken)
                {
                    return existing;
                }
                connections.Remove(endpoint);
                await existing.DisposeAsync().ConfigureAwait(false);
            }
            var connection = await connect(endpoint, cancellationToken).ConfigureAwait(false);
            connections[endpoint] = connection;
            ConnectionsOpened++;
            return connection;
        }
        finally
        {
            connectionsGate.Release();
        }
    }

    private Task BackoffAsync(int attempt, CancellationToken cancellationToken) =>
        Task.Delay(FirstBackoff * Math.Pow(2, attempt - 1), options.TimeProvider, cancellationToken);
}
