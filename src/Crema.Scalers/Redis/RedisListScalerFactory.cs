using Crema.Abstractions;

namespace Crema.Scalers.Redis;

/// <summary>Builds <c>redis</c>, <c>redis-cluster</c> and <c>redis-sentinel</c> scalers (one instance per type): the length of a list.</summary>
internal sealed class RedisListScalerFactory(RedisTopology topology, RedisConnectionPool? pool = null) : ScalerFactory<RedisListMetadata>
{
    private readonly RedisConnectionPool pool = pool ?? RedisConnectionPool.Shared;

    public override string Type => topology switch
    {
        RedisTopology.Cluster => "redis-cluster",
        RedisTopology.Sentinel => "redis-sentinel",
        _ => "redis",
    };

    /// <inheritdoc />
    public override string Description => topology switch
    {
        RedisTopology.Cluster => "the length of a list in a Redis Cluster",
        RedisTopology.Sentinel => "the length of a list on a Redis primary found through Sentinel",
        _ => "the length of a Redis list",
    };

    /// <inheritdoc />
    public override string DocumentationPage => "redis";

    protected override RedisListMetadata Bind(MetadataBinder binder)
    {
        var (connection, databaseIndex) = RedisConnectionBinder.Bind(binder, topology);
        var listName = binder.RequiredString(RedisKeys.ListName);
        var listLength = binder.Long(RedisKeys.ListLength, 5);
        var activation = binder.Long(RedisKeys.ActivationListLength, 0);
        return new RedisListMetadata(connection, databaseIndex, listName, listLength, activation);
    }

    protected override MetricReading ToReading(RedisListMetadata metadata, double value) => metadata.ToReading(value);

    protected override IScaler Create(RedisListMetadata metadata, ScalerContext context) =>
        new RedisListScaler(metadata, new RedisSource(pool.Acquire(metadata.Connection), metadata.DatabaseIndex, context.TimeProvider));
}
