using Crema.Abstractions;

namespace Crema.Scalers.Redis;

/// <summary>KEDA's six Redis trigger types: lists and streams, each standalone, cluster and sentinel.</summary>
internal static class RedisScalerFactories
{
    /// <summary>One factory per trigger type, all on the shared connection pool.</summary>
    public static IReadOnlyList<IScalerFactory> All { get; } =
    [
        new RedisListScalerFactory(RedisTopology.Standalone),
        new RedisListScalerFactory(RedisTopology.Cluster),
        new RedisListScalerFactory(RedisTopology.Sentinel),
        new RedisStreamsScalerFactory(RedisTopology.Standalone),
        new RedisStreamsScalerFactory(RedisTopology.Cluster),
        new RedisStreamsScalerFactory(RedisTopology.Sentinel),
    ];
}
