using Crema.Abstractions;

namespace Crema.Scalers.Redis;

/// <summary>
/// Builds <c>redis-streams</c>, <c>redis-cluster-streams</c> and <c>redis-sentinel-streams</c> scalers (one instance
/// per type). KEDA's rule: with consumerGroup, a non-zero lagCount counts the group's lag, otherwise its pending
/// entries; without consumerGroup the stream's length is counted (and lagCount, pendingEntriesCount are ignored).
/// </summary>
internal sealed class RedisStreamsScalerFactory(RedisTopology topology, RedisConnectionPool? pool = null) : ScalerFactory<RedisStreamsMetadata>
{
    private readonly RedisConnectionPool pool = pool ?? RedisConnectionPool.Shared;

    public override string Type => topology switch
    {
        RedisTopology.Cluster => "redis-cluster-streams",
        RedisTopology.Sentinel => "redis-sentinel-streams",
        _ => "redis-streams",
    };

    /// <inheritdoc />
    public override string Description => topology switch
    {
        RedisTopology.Cluster => "a Redis stream's pending entries, length or consumer-group lag in a Redis Cluster",
        RedisTopology.Sentinel => "a Redis stream's pending entries, length or consumer-group lag on a primary found through Sentinel",
        _ => "a Redis stream's pending entries, length or consumer-group lag",
    };

    /// <inheritdoc />
    public override string DocumentationPage => "redis-streams";

    protected override RedisStreamsMetadata Bind(MetadataBinder binder)
    {
        var (connection, databaseIndex) = RedisConnectionBinder.Bind(binder, topology);
        var stream = binder.RequiredString(RedisKeys.Stream);
        var consumerGroup = binder.String(RedisKeys.ConsumerGroup);
        var pending = binder.Long(RedisKeys.PendingEntriesCount, 5);
        var length = binder.Long(RedisKeys.StreamLength, 5);
        var lag = binder.Long(RedisKeys.LagCount, 0);
        var activation = binder.Long(RedisKeys.ActivationLagCount, 0);

        var hasGroup = !string.IsNullOrEmpty(consumerGroup) || (binder.Context.ValidationOnly && binder.Has(RedisKeys.ConsumerGroup));
        var (mode, target, key) = !hasGroup
            ? (RedisStreamsMode.StreamLength, length, RedisKeys.StreamLength)
            : lag != 0
                ? (RedisStreamsMode.Lag, lag, RedisKeys.LagCount)
                : (RedisStreamsMode.PendingEntries, pending, RedisKeys.PendingEntriesCount);
        // Only the target in use must be a valid HPA target; KEDA ignores the others.
        binder.Check(target > 0, key.Name, $"must be > 0, found {target}");
        return new RedisStreamsMetadata(connection, databaseIndex, stream, hasGroup ? consumerGroup : null, mode, target, activation);
    }

    protected override MetricReading ToReading(RedisStreamsMetadata metadata, double value) => metadata.ToReading(value);

    protected override IScaler Create(RedisStreamsMetadata metadata, ScalerContext context) =>
        new RedisStreamsScaler(metadata, new RedisSource(pool.Acquire(metadata.Connection), metadata.DatabaseIndex, context.TimeProvider));
}
