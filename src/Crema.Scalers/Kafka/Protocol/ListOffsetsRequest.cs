namespace Crema.Scalers.Kafka.Protocol;

/// <summary>
/// ListOffsets v1-v5: replica_id INT32 (-1 = consumer), v2+ isolation_level INT8, topics [name
/// partitions [partition_index INT32 v4+ current_leader_epoch INT32 timestamp INT64]].
/// Asks for timestamp -1 (the log end offset, read_uncommitted, as KEDA does).
/// </summary>
internal sealed class ListOffsetsRequest(IReadOnlyList<TopicPartition> partitions) : IKafkaRequest<ListOffsetsResponse>
{
    public const long Latest = -1;

    public ApiKey Api => ApiKey.ListOffsets;

    public VersionRange Versions => new(1, 5);

    public void Write(KafkaWriter writer, short version)
    {
        writer.Int32(-1);
        if (version >= 2)
        {
            writer.Int8(0);
        }
        var topics = partitions.GroupBy(p => p.Topic, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToArray();
        writer.Array(topics, (w, topic) => w.String(topic.Key).Array(
            topic.OrderBy(p => p.Partition).ToArray(),
            (w2, p) =>
            {
                w2.Int32(p.Partition);
                if (version >= 4)
                {
                    w2.Int32(-1);
                }
                w2.Int64(Latest);
            }));
    }

    public ListOffsetsResponse ReadResponse(KafkaReader reader, short version) => ListOffsetsResponse.Read(reader, version);
}
