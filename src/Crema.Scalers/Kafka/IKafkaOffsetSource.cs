namespace Crema.Scalers.Kafka;

/// <summary>Reads committed and log end offsets of the partitions a trigger counts. Seam for tests.</summary>
internal interface IKafkaOffsetSource : IAsyncDisposable
{
    Task<IReadOnlyList<PartitionOffsets>> ReadAsync(CancellationToken cancellationToken);
}
