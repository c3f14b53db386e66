using Crema.Scalers.Kafka.Protocol;

namespace Crema.Scalers.Kafka;

/// <summary>
/// Reads a group's offsets through <see cref="KafkaClient"/>: the topic's partitions from Metadata
/// (or, without a topic, every topic the group committed, from OffsetFetch with no topic list), the
/// committed offsets from the coordinator and the end offsets from each leader.
/// </summary>
internal sealed class KafkaOffsetReader(KafkaMetadata metadata, KafkaClient client) : IKafkaOffsetSource
{
    public async Task<IReadOnlyList<PartitionOffsets>> ReadAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<OffsetFetchResponse.Partition>? allCommitted = null;
        IReadOnlyList<string> topics;
        if (metadata.Topic is { } topic)
        {
            topics = [topic];
        }
        else
        {
            allCommitted = await client.FetchCommittedOffsetsAsync(metadata.ConsumerGroup, null, cancellationToken).ConfigureAwait(false);
            topics = allCommitted.Select(p => p.Topic).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            if (topics.Count == 0)
            {
                return [];
            }
        }
        var cluster = await client.GetMetadataAsync(topics, cancellationToken).ConfigureAwait(false);
        var partitions = PartitionsOf(cluster, topics);
        var committedTask = allCommitted is not null
            ? Task.FromResult(allCommitted)
            : client.FetchCommittedOffsetsAsync(
                metadata.ConsumerGroup,
                partitions.GroupBy(p => p.Topic).ToDictionary(g => g.Key, g => (IReadOnlyList<int>)g.Select(p => p.Partition).ToArray()),
                cancellationToken);
        var endTask = client.ListLatestOffsetsAsync(partitions, cluster, cancellationToken);
        await Task.WhenAll(committedTask, endTask).ConfigureAwait(false);
        var committed = (await committedTask.ConfigureAwait(false)).ToDictionary(p => new TopicPartition(p.Topic, p.Index), p => p.CommittedOffset);
        var end = await endTask.ConfigureAwait(false);
        return partitions.Select(p => new PartitionOffsets(
            p,
            committed.TryGetValue(p, out var c) ? c : -1,
            end.TryGetValue(p, out var e) ? e : null)).ToArray();
    }

    private List<TopicPartition> PartitionsOf(MetadataResponse cluster, IReadOnlyList<string> topics)
    {
        var result = new List<TopicPartition>();
        foreach (var name in topics)
        {
            var topic = cluster.Topics.FirstOrDefault(t => t.Name == name)
                ?? throw new KafkaProtocolException($"Kafka metadata has no topic \"{name}\".", KafkaErrorCode.UnknownTopicOrPartition);
            if (topic.ErrorCode != 0)
            {
                throw KafkaErrors.ToException(topic.ErrorCode, $"Metadata for topic \"{name}\"");
            }
            var ids = topic.Partitions.Select(p => p.Index)
                .Where(id => metadata.PartitionLimitation is null || metadata.PartitionLimitation.Contains(id))
                .Order()
                .ToArray();
            if (ids.Length == 0)
            {
                throw new KafkaProtocolException($"Topic \"{name}\" has no partition to count (partitionLimitation matches none of its {topic.Partitions.Count}).");
            }
            result.AddRange(ids.Select(id => new TopicPartition(name, id)));
        }
        return result;
    }

    public ValueTask DisposeAsync() => client.DisposeAsync();
}
