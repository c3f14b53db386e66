using Crema.Abstractions;

namespace Crema.Scalers.Redis;

/// <summary>The typed metadata of a <c>redis-streams</c>, <c>redis-cluster-streams</c> or <c>redis-sentinel-streams</c> trigger.</summary>
/// <param name="Connection">Servers, credentials and TLS.</param>
/// <param name="DatabaseIndex">The database to read (SELECT). Default 0; a cluster has only 0.</param>
/// <param name="Stream">The stream key. Required.</param>
/// <param name="ConsumerGroup">The consumer group, or null to count the stream's length.</param>
/// <param name="Mode">What is counted: pending entries, stream length or lag (KEDA's rule, see the factory).</param>
/// <param name="Target">The target of that count: pendingEntriesCount (default 5), streamLength (default 5) or lagCount; &gt; 0.</param>
/// <param name="ActivationLagCount">Active while the count is above this, whatever the mode (KEDA). Default 0.</param>
internal sealed record RedisStreamsMetadata(
    RedisConnectionSettings Connection,
    int DatabaseIndex,
    string Stream,
    string? ConsumerGroup,
    RedisStreamsMode Mode,
    long Target,
    long ActivationLagCount)
{
    /// <summary>The reading for a count: active above activationLagCount, compared with the mode's target.</summary>
    public MetricReading ToReading(double count) => new(count, Target, count > ActivationLagCount);
}
