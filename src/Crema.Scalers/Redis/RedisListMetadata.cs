using Crema.Abstractions;

namespace Crema.Scalers.Redis;

/// <summary>The typed metadata of a <c>redis</c>, <c>redis-cluster</c> or <c>redis-sentinel</c> trigger (KEDA's redisMetadata).</summary>
/// <param name="Connection">Servers, credentials and TLS.</param>
/// <param name="DatabaseIndex">The database to read (SELECT). Default 0; a cluster has only 0.</param>
/// <param name="ListName">The key whose length is read. Required.</param>
/// <param name="ListLength">Target length per replica (AverageValue) or in total (Value); &gt; 0. Default 5.</param>
/// <param name="ActivationListLength">Active while the length is above this. Default 0.</param>
internal sealed record RedisListMetadata(
    RedisConnectionSettings Connection,
    int DatabaseIndex,
    string ListName,
    long ListLength,
    long ActivationListLength)
{
    /// <summary>The reading for a length: active above activationListLength (KEDA), compared with listLength.</summary>
    public MetricReading ToReading(double length) => new(length, ListLength, length > ActivationListLength);
}
