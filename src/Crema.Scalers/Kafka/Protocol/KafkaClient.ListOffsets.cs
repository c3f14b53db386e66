namespace Crema.Scalers.Kafka.Protocol;

internal sealed partial class KafkaClient
{
    /// <summary>
    /// Log end offsets, asking each partition's leader (one request per leader, in parallel).
    /// Partitions whose leader moved or is unknown are retried after a metadata refresh.
    /// </summary>
    public async Task<IReadOnlyDictionary<TopicPartition, long>> ListLatestOffsetsAsync(
        IReadOnlyCollection<TopicPartition> partitions, MetadataResponse metadata, CancellationToken cancellationToken)
    {
        var result = new Dictionary<TopicPartition, long>();
        var pending = partitions.ToList();
        for (var attempt = 1; pending.Count > 0; attempt++)
        {
            var leaders = LeadersOf(metadata);
            var failures = new List<(TopicPartition Partition, KafkaErrorCode Error)>();
            var byLeader = new Dictionary<BrokerEndpoint, List<TopicPartition>>();
            foreach (var partition in pending)
            {
                if (leaders.TryGetValue(partition, out var leader) && TryGetBroker(leader, out var endpoint))
                {
                    (byLeader.TryGetValue(endpoint, out var list) ? list : byLeader[endpoint] = []).Add(partition);
                }
                else
                {
                    failures.Add((partition, KafkaErrorCode.LeaderNotAvailable));
                }
            }
            var answers = await Task.WhenAll(byLeader.Select(pair => ListOnLeaderAsync(pair.Key, pair.Value, cancellationToken))).ConfigureAwait(false);
            foreach (var answer in answers.SelectMany(a => a))
            {
                if (answer.Error == KafkaErrorCode.None)
                {
                    result[answer.Partition] = answer.Offset;
                }
                else
                {
                    failures.Add((answer.Partition, answer.Error));
                }
            }
            if (failures.Count == 0)
            {
                break;
            }
            var fatal = failures.FirstOrDefault(f => !KafkaErrors.IsLeaderRetriable(f.Error));
            if (fatal.Error != KafkaErrorCode.None || attempt >= MaxAttempts)
            {
                var (partition, error) = fatal.Error != KafkaErrorCode.None ? fatal : failures[0];
                throw KafkaErrors.ToException((short)error, $"ListOffsets for {partition}");
            }
            pending = failures.Select(f => f.Partition).ToList();
            await BackoffAsync(attempt, cancellationToken).ConfigureAwait(false);
            metadata = await GetMetadataAsync(pending.Select(p => p.Topic).Distinct().ToArray(), cancellationToken).ConfigureAwait(false);
        }
        return result;
    }

    private async Task<IReadOnlyList<(TopicPartition Partition, KafkaErrorCode Error, long Offset)>> ListOnLeaderAsync(
        BrokerEndpoint leader, List<TopicPartition> partitions, CancellationToken cancellationToken)
    {
        try
        {
            var connection = await GetConnectionAsync(leader, cancellationToken).ConfigureAwait(false);
            var response = await connection.SendAsync(new ListOffsetsRequest(partitions), cancellationToken).ConfigureAwait(false);
            var answered = response.Partitions.ToDictionary(p => new TopicPartition(p.Topic, p.Index));
            return partitions.Select(p => answered.TryGetValue(p, out var a)
                ? (p, (KafkaErrorCode)a.ErrorCode, a.Offset)
                : (p, KafkaErrorCode.UnknownTopicOrPartition, -1L)).ToArray();
        }
        catch (KafkaProtocolException ex) when (ex.ErrorCode is KafkaErrorCode.None or KafkaErrorCode.RequestTimedOut && !cancellationToken.IsCancellationRequested)
        {
            // The leader is unreachable: let the metadata refresh find where the partitions went.
            return partitions.Select(p => (p, KafkaErrorCode.LeaderNotAvailable, -1L)).ToArray();
        }
    }

    private static Dictionary<TopicPartition, int> LeadersOf(MetadataResponse metadata) =>
        metadata.Topics.SelectMany(t => t.Partitions.Where(p => p.LeaderId >= 0).Select(p => (Key: new TopicPartition(t.Name, p.Index), p.LeaderId)))
            .ToDictionary(x => x.Key, x => x.LeaderId);

    private bool TryGetBroker(int nodeId, out BrokerEndpoint endpoint)
    {
        lock (brokers)
        {
            return brokers.TryGetValue(nodeId, out endpoint);
        }
    }
}
