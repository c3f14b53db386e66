using System.Globalization;
using Crema.Abstractions;

namespace Crema.Scalers.Kafka;

/// <summary>
/// The <c>kafka</c> trigger: consumer group lag. Value = total lag after KEDA's rules, target =
/// lagThreshold, active when the lag including persistent lag exceeds activationLagThreshold.
/// </summary>
internal sealed class KafkaScaler(KafkaMetadata metadata, IKafkaOffsetSource source) : IScaler
{
    private readonly KafkaLagCalculator calculator = new(metadata);

    public async ValueTask<MetricReading> ReadAsync(CancellationToken cancellationToken)
    {
        var offsets = await source.ReadAsync(cancellationToken).ConfigureAwait(false);
        var lag = calculator.Compute(offsets);
        return new MetricReading(lag.TotalLag, metadata.LagThreshold, lag.TotalLagWithPersistent > metadata.ActivationLagThreshold)
        {
            Note = Describe(lag),
            Details = new Dictionary<string, double>
            {
                ["partitions"] = lag.Partitions,
                ["partitions_with_lag"] = lag.PartitionsWithLag,
                ["partitions_without_commit"] = lag.PartitionsWithoutCommit,
                ["partitions_with_persistent_lag"] = lag.PartitionsWithPersistentLag,
                ["total_lag_with_persistent"] = lag.TotalLagWithPersistent,
            },
        };
    }

    private string? Describe(KafkaLag lag)
    {
        var notes = new List<string>();
        if (lag.PartitionsWithoutCommit > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{lag.PartitionsWithoutCommit} partition(s) without a committed offset ({(metadata.ScaleToZeroOnInvalidOffset ? "counted as 0" : metadata.OffsetResetPolicy == OffsetResetPolicy.Latest ? "counted as 1" : "counted from the start")})"));
        }
        if (lag.PartitionsWithPersistentLag > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{lag.PartitionsWithPersistentLag} partition(s) with persistent lag excluded"));
        }
        return notes.Count == 0 ? null : string.Join("; ", notes);
    }

    public ValueTask DisposeAsync() => source.DisposeAsync();
}
