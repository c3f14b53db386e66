using Confluent.Kafka;

namespace Crema.Scalers.Kafka;

/// <summary>
/// Reads a group's offsets through a shared <see cref="KafkaAdmin"/>: the topic's partitions from
/// metadata (or, without a topic, every topic the group committed, from OffsetFetch with no topic
/// list), then the committed offsets from the coordinator and the end offsets from each leader.
/// </summary>
internal sealed class KafkaOffsetReader(KafkaMetadata metadata, KafkaClientLease lease) : IKafkaOffsetSource
{
    public async Task<IReadOnlyList<PartitionOffsets>> ReadAsync(CancellationToken cancellationToken)
    {
        var client = lease.Client;
        IReadOnlyDictionary<TopicPartition, long>? allCommitted = null;
        IReadOnlyList<string> topics;
        if (metadata.Topic is { } topic)
        {
            topics = [topic];
        }
        else
        {
            allCommitted = await client.ListCommittedAsync(metadata.ConsumerGroup, null, cancellationToken).ConfigureAwait(false);
            topics = allCommitted.Keys.Select(p => p.Topic).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            if (topics.Count == 0)
            {
                return [];
            }
        }
        var partitions = PartitionsOf(await client.GetTopicsAsync(topics, cancellationToken).ConfigureAwait(false), topics);
        var committedTask = allCommitted is not null
            ? Task.FromResult(allCommitted)
            : client.ListCommittedAsync(metadata.ConsumerGroup, partitions, cancellationToken);
        var endTask = client.ListLatestAsync(partitions, cancellationToken);
        await Task.WhenAll(committedTask, endTask).ConfigureAwait(false);
        var committed = await committedTask.ConfigureAwait(false);
        var end = await endTask.ConfigureAwait(false);
        return partitions.Select(p => new PartitionOffsets(
            p,
            committed.TryGetValue(p, out var c) ? c : -1,
            end.TryGetValue(p, out var e) && e >= 0 ? e : null)).ToArray();
    }

    private List<TopicPartition> PartitionsOf(IReadOnlyDictionary<string, TopicPartitions> cluster, IReadOnlyList<string> topics)
    {
        var result = new List<TopicPartition>();
        foreach (var name in topics)
        {
            var topic = cluster[name];
            if (topic.Error != ErrorCode.NoError)
            {
                throw new KafkaReadException($"{KafkaClientConfig.Describe(metadata.BootstrapServers, metadata.Sasl)}: metadata for topic \"{name}\": {topic.Reason}");
            }
            var ids = topic.Ids.Where(id => metadata.PartitionLimitation is null || metadata.PartitionLimitation.Contains(id)).ToArray();
            if (ids.Length == 0)
            {
                throw new KafkaReadException($"Topic \"{name}\" has no partition to count (partitionLimitation matches none of its {topic.Ids.Count}).");
            }
            result.AddRange(ids.Select(id => new TopicPartition(name, id)));
        }
        return result;
    }

    public ValueTask DisposeAsync() => lease.DisposeAsync();
}
