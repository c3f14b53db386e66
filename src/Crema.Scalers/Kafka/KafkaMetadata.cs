namespace Crema.Scalers.Kafka;

/// <summary>The <c>kafka</c> trigger's metadata, bound by <see cref="KafkaScalerFactory"/>. Defaults follow KEDA.</summary>
internal sealed record KafkaMetadata
{
    public required IReadOnlyList<BrokerEndpoint> BootstrapServers { get; init; }

    public required string ConsumerGroup { get; init; }

    /// <summary>The topic, or null for every topic the group has committed offsets for.</summary>
    public string? Topic { get; init; }

    /// <summary>Partitions to count (only with a topic), or null for all.</summary>
    public IReadOnlySet<int>? PartitionLimitation { get; init; }

    /// <summary>Target lag per replica. Default 10, &gt; 0.</summary>
    public long LagThreshold { get; init; } = 10;

    /// <summary>Active when the total lag (persistent lag included) exceeds this. Default 0.</summary>
    public long ActivationLagThreshold { get; init; }

    public OffsetResetPolicy OffsetResetPolicy { get; init; } = OffsetResetPolicy.Latest;

    public bool AllowIdleConsumers { get; init; }

    public bool ExcludePersistentLag { get; init; }

    public bool ScaleToZeroOnInvalidOffset { get; init; }

    public bool LimitToPartitionsWithLag { get; init; }

    public bool EnsureEvenDistributionOfPartitions { get; init; }

    /// <summary>TLS settings, or null for cleartext.</summary>
    public KafkaTlsOptions? Tls { get; init; }

    /// <summary>SASL credentials, or null for none.</summary>
    public KafkaSaslOptions? Sasl { get; init; }
}
