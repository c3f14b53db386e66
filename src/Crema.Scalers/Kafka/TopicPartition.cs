namespace Crema.Scalers.Kafka;

/// <summary>A partition of a topic.</summary>
internal readonly record struct TopicPartition(string Topic, int Partition)
{
    public override string ToString() => $"{Topic}/{Partition}";
}
