namespace Crema.Scalers.Kafka.Protocol;

/// <summary>
/// ListOffsets response v1-v5: v2+ throttle_time_ms; topics [name partitions [partition_index INT32
/// error_code INT16 timestamp INT64 offset INT64 v4+ leader_epoch INT32]].
/// </summary>
internal sealed record ListOffsetsResponse(IReadOnlyList<ListOffsetsResponse.Partition> Partitions)
{
    public static ListOffsetsResponse Read(KafkaReader reader, short version)
    {
        if (version >= 2)
        {
            reader.Int32();
        }
        var partitions = new List<Partition>();
        foreach (var topic in reader.Array(r => (Name: r.String(), Partitions: r.Array(p => ReadPartition(p, version)))))
        {
            partitions.AddRange(topic.Partitions.Select(p => p with { Topic = topic.Name }));
        }
        reader.EnsureEnd();
        return new ListOffsetsResponse(partitions);
    }

    private static Partition ReadPartition(KafkaReader reader, short version)
    {
        var index = reader.Int32();
        var errorCode = reader.Int16();
        reader.Int64();
        var offset = reader.Int64();
        if (version >= 4)
        {
            reader.Int32();
        }
        return new Partition(string.Empty, index, errorCode, offset);
    }

    /// <summary>The log end offset of one partition.</summary>
    internal sealed record Partition(string Topic, int Index, short ErrorCode, long Offset);
}
