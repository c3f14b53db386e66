namespace Crema.Scalers.Kafka.Protocol;

/// <summary>
/// Metadata response v1-v8: v3+ throttle_time_ms; brokers [node_id port host rack]; v2+ cluster_id;
/// controller_id; topics [error_code name is_internal partitions [error_code partition_index leader_id
/// v7+ leader_epoch replica_nodes isr_nodes v5+ offline_replicas] v8+ topic_authorized_operations];
/// v8+ cluster_authorized_operations.
/// </summary>
internal sealed record MetadataResponse(
    IReadOnlyList<MetadataResponse.Broker> Brokers,
    int ControllerId,
    IReadOnlyList<MetadataResponse.Topic> Topics)
{
    public static MetadataResponse Read(KafkaReader reader, short version)
    {
        if (version >= 3)
        {
            reader.Int32();
        }
        var brokers = reader.Array(r => new Broker(r.Int32(), r.String(), r.Int32(), r.NullableString()));
        if (version >= 2)
        {
            reader.NullableString();
        }
        var controllerId = reader.Int32();
        var topics = reader.Array(r => ReadTopic(r, version));
        if (version >= 8)
        {
            reader.Int32();
        }
        reader.EnsureEnd();
        return new MetadataResponse(brokers, controllerId, topics);
    }

    private static Topic ReadTopic(KafkaReader reader, short version)
    {
        var errorCode = reader.Int16();
        var name = reader.String();
        var isInternal = reader.Bool();
        var partitions = reader.Array(r => ReadPartition(r, version));
        if (version >= 8)
        {
            reader.Int32();
        }
        return new Topic(errorCode, name, isInternal, partitions);
    }

    private static Partition ReadPartition(KafkaReader reader, short version)
    {
        var errorCode = reader.Int16();
        var index = reader.Int32();
        var leader = reader.Int32();
        if (version >= 7)
        {
            reader.Int32();
        }
        var replicas = reader.Array(r => r.Int32());
        reader.Array(r => r.Int32());
        if (version >= 5)
        {
            reader.Array(r => r.Int32());
        }
        return new Partition(errorCode, index, leader, replicas);
    }

    /// <summary>A broker of the cluster.</summary>
    internal sealed record Broker(int NodeId, string Host, int Port, string? Rack);

    /// <summary>A topic and its partitions.</summary>
    internal sealed record Topic(short ErrorCode, string Name, bool IsInternal, IReadOnlyList<Partition> Partitions);

    /// <summary>A partition; LeaderId is -1 while the partition has no leader.</summary>
    internal sealed record Partition(short ErrorCode, int Index, int LeaderId, IReadOnlyList<int> Replicas);
}
