namespace Crema.Scalers.RabbitMq;

/// <summary>The figures of one queue (or of several combined) that the modes are computed from.</summary>
/// <param name="Messages">messages: ready plus unacknowledged (over AMQP: ready only).</param>
/// <param name="MessagesReady">messages_ready.</param>
/// <param name="PublishRate">message_stats.publish_details.rate, per second.</param>
/// <param name="DeliverGetRate">message_stats.deliver_get_details.rate, per second.</param>
internal readonly record struct RabbitMqQueueStats(long Messages, long MessagesReady, double PublishRate, double DeliverGetRate)
{
    /// <summary>KEDA's getComposedQueue: the figures of every matched queue combined by <paramref name="operation"/>; none gives zeros.</summary>
    public static RabbitMqQueueStats Combine(IReadOnlyList<RabbitMqQueueStats> queues, RabbitMqOperation operation)
    {
        if (queues.Count == 0)
        {
            return default;
        }
        return operation switch
        {
            RabbitMqOperation.Max => new(
                queues.Max(q => q.Messages), queues.Max(q => q.MessagesReady), queues.Max(q => q.PublishRate), queues.Max(q => q.DeliverGetRate)),
            RabbitMqOperation.Avg => Average(queues),
            _ => Sum(queues),
        };
    }

    // Counts come from the broker as int64: their sum saturates rather than overflow (LINQ's Sum would throw).
    private static RabbitMqQueueStats Sum(IReadOnlyList<RabbitMqQueueStats> queues) => new(
        Add(queues.Select(q => q.Messages)), Add(queues.Select(q => q.MessagesReady)), queues.Sum(q => q.PublishRate), queues.Sum(q => q.DeliverGetRate));

    private static long Add(IEnumerable<long> counts) => counts.Aggregate(0L, (total, count) => total > long.MaxValue - count ? long.MaxValue : total + count);

    private static RabbitMqQueueStats Average(IReadOnlyList<RabbitMqQueueStats> queues)
    {
        var sum = Sum(queues);
        // KEDA averages message counts as integers (truncating) and rates as floats.
        return new(sum.Messages / queues.Count, sum.MessagesReady / queues.Count, sum.PublishRate / queues.Count, sum.DeliverGetRate / queues.Count);
    }
}
