namespace Crema.Scalers.Redis;

/// <summary>What a <c>redis-streams</c> trigger counts (KEDA's scaleFactor), chosen from its metadata.</summary>
internal enum RedisStreamsMode
{
    /// <summary>consumerGroup without lagCount: the group's pending entries (XPENDING), target pendingEntriesCount.</summary>
    PendingEntries,

    /// <summary>No consumerGroup: the stream's length (XLEN), target streamLength.</summary>
    StreamLength,

    /// <summary>consumerGroup with a non-zero lagCount: the group's lag (XINFO GROUPS, Redis 7+), target lagCount.</summary>
    Lag,
}
