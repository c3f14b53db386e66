namespace Crema.Scalers.Kafka;

/// <summary>
/// KEDA's lag rules (pkg/scalers/kafka_scaler.go), as a pure function of the offsets plus the
/// committed offsets seen at the previous poll (for excludePersistentLag). Not thread-safe: one poll at a time.
/// </summary>
internal sealed class KafkaLagCalculator(KafkaMetadata rules)
{
    private const long InvalidOffset = -1;
    private readonly Dictionary<TopicPartition, long> previousCommitted = [];

    public KafkaLag Compute(IReadOnlyCollection<PartitionOffsets> offsets)
    {
        long totalLag = 0, totalWithPersistent = 0;
        int withLag = 0, withoutCommit = 0, persistent = 0;
        foreach (var partition in offsets)
        {
            var (lag, lagWithPersistent) = PartitionLag(partition);
            totalLag = Add(totalLag, lag);
            totalWithPersistent = Add(totalWithPersistent, lagWithPersistent);
            withLag += lag > 0 ? 1 : 0;
            withoutCommit += partition.Committed == InvalidOffset ? 1 : 0;
            persistent += lag == 0 && lagWithPersistent > 0 && partition.Committed != InvalidOffset ? 1 : 0;
        }
        return new KafkaLag(Cap(totalLag, offsets.Count, withLag), totalWithPersistent, offsets.Count, withLag, withoutCommit, persistent);
    }

    /// <summary>(lag for scaling, lag for activation) of one partition.</summary>
    private (long Lag, long LagWithPersistent) PartitionLag(PartitionOffsets partition)
    {
        if (partition.Committed == InvalidOffset)
        {
            if (rules.ScaleToZeroOnInvalidOffset)
            {
                return (0, 0);
            }
            if (rules.OffsetResetPolicy == OffsetResetPolicy.Latest)
            {
                // No commit yet and the consumer would start at the end: one message keeps a replica
                // alive so it can commit (KEDA #2612).
                return (1, 1);
            }
        }
        // A negative end offset is no log end a broker can have: unknown, like a missing one.
        if (partition.End is not { } end || end < 0)
        {
            return (0, 0);
        }
        if (partition.Committed == InvalidOffset)
        {
            return (end, end);
        }
        // A commit beyond the log end (possible around leader changes) is no lag, not negative lag.
        var lag = partition.Committed < 0 ? end : Math.Max(0, end - partition.Committed);
        if (rules.ExcludePersistentLag)
        {
            var seen = previousCommitted.TryGetValue(partition.Partition, out var previous);
            previousCommitted[partition.Partition] = partition.Committed;
            if (seen && previous == partition.Committed)
            {
                return (0, lag);
            }
        }
        return (lag, lag);
    }

    private long Cap(long totalLag, long partitions, long partitionsWithLag)
    {
        var threshold = rules.LagThreshold;
        if (rules.AllowIdleConsumers && !rules.LimitToPartitionsWithLag && !rules.EnsureEvenDistributionOfPartitions)
        {
            return totalLag;
        }
        if (rules.EnsureEvenDistributionOfPartitions)
        {
            totalLag = Multiply(NextFactor(totalLag, partitions, threshold), threshold);
        }
        var upperBound = rules.LimitToPartitionsWithLag ? partitionsWithLag : partitions;
        return totalLag / threshold > upperBound ? Multiply(upperBound, threshold) : totalLag;
    }

    // Offsets are int64 from the brokers: sums and products saturate instead of wrapping to a negative lag.
    private static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    private static long Multiply(long a, long b) => a != 0 && b > long.MaxValue / a ? long.MaxValue : a * b;

    /// <summary>The smallest divisor of the partition count whose replicas can take the lag at the threshold.</summary>
    internal static long NextFactor(long totalLag, long partitions, long threshold)
    {
        for (long factor = 1; factor <= partitions; factor++)
        {
            if (partitions % factor == 0 && factor * threshold >= totalLag)
            {
                return factor;
            }
        }
        return partitions;
    }
}
