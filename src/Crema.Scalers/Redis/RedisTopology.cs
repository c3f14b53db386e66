namespace Crema.Scalers.Redis;

/// <summary>How the Redis servers of a trigger are reached (KEDA's plain, cluster and sentinel trigger types).</summary>
internal enum RedisTopology
{
    /// <summary>One server: <c>redis</c>, <c>redis-streams</c>.</summary>
    Standalone,

    /// <summary>A Redis Cluster, reached through any of its nodes: <c>redis-cluster</c>, <c>redis-cluster-streams</c>.</summary>
    Cluster,

    /// <summary>A primary found through Sentinel: <c>redis-sentinel</c>, <c>redis-sentinel-streams</c>.</summary>
    Sentinel,
}
