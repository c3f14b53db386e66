namespace Crema.Scalers.Kafka.Protocol;

/// <summary>
/// OffsetFetch response v1-v5: v3+ throttle_time_ms; topics [name partitions [partition_index INT32
/// committed_offset INT64 v5+ committed_leader_epoch INT32 metadata NULLABLE_STRING error_code INT16]];
/// v2+ error_code INT16. A committed offset of -1 means the group has none for that partition.
/// </summary>
internal sealed record OffsetFetchResponse(short ErrorCode, IReadOnlyList<OffsetFetchResponse.Partition> Partitions)
{
    public static OffsetFetchResponse Read(KafkaReader reader, short version)
    {
        if (version >= 3)
        {
            reader.Int32();
        }
        var partitions = new List<Partition>();
        foreach (var topic in reader.Array(r => (Name: r.String(), Partitions: r.Array(p => ReadPartition(p, version)))))
        {
            partitions.AddRange(topic.Partitions.Select(p => p with { Topic = topic.Name }));
        }
        var errorCode = version >= 2 ? reader.Int16() : (short)0;
        reader.EnsureEnd();
        return new OffsetFetchResponse(errorCode, partitions);
    }

    private static Partition ReadPartition(KafkaReader reader, short version)
    {
        var index = reader.Int32();
        var offset = reader.Int64();
        if (version >= 5)
        {
            reader.Int32();
        }
        reader.NullableString();
        return new Partition(string.Empty, index, offset, reader.Int16());
    }

    /// <summary>The committed offset of one partition.</summary>
    internal sealed record Partition(string Topic, int Index, long CommittedOffset, short ErrorCode);
}
