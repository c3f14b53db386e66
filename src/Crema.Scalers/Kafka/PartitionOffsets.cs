namespace Crema.Scalers.Kafka;

/// <summary>
/// What the brokers said about one partition: the group's committed offset (-1 when none) and the
/// log end offset (null when the leader did not report it).
/// </summary>
internal readonly record struct PartitionOffsets(TopicPartition Partition, long Committed, long? End);
