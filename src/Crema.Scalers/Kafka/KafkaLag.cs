namespace Crema.Scalers.Kafka;

/// <summary>
/// One poll's lag after KEDA's rules. TotalLag is the metric value (persistent lag excluded, capped);
/// TotalLagWithPersistent decides activation.
/// </summary>
internal sealed record KafkaLag(
    long TotalLag,
    long TotalLagWithPersistent,
    int Partitions,
    int PartitionsWithLag,
    int PartitionsWithoutCommit,
    int PartitionsWithPersistentLag);
