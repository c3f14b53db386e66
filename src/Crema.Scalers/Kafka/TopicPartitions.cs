using Confluent.Kafka;

namespace Crema.Scalers.Kafka;

/// <summary>A topic's partition ids from metadata, or the broker's error for it.</summary>
internal sealed record TopicPartitions(IReadOnlyList<int> Ids, ErrorCode Error, string Reason);
