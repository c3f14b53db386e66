using Crema.Abstractions;

namespace Crema.Scalers.Kafka;

/// <summary>
/// Builds <c>kafka</c> (alias <c>apache-kafka</c>) triggers. Metadata as KEDA's kafka scaler, declared in
/// <see cref="KafkaKeys"/>: <c>tls</c>, <c>sasl</c> and <c>saslTokenProvider</c> may sit in metadata or the
/// authenticationRef, credentials (username, password, ca, cert, key, keyPassword, oauthTokenEndpointUri,
/// scopes, oauthExtensions) only in the authenticationRef. Triggers with the same brokers and credentials share one
/// librdkafka client (<see cref="KafkaClientPool"/>).
/// </summary>
internal sealed class KafkaScalerFactory : ScalerFactory<KafkaMetadata>
{
    /// <inheritdoc />
    public override string Type => "kafka";

    /// <inheritdoc />
    public override string Description => "Apache Kafka consumer group lag";

    /// <inheritdoc />
    public override IReadOnlyList<string> Aliases => ["apache-kafka"];

    /// <inheritdoc />
    protected override KafkaMetadata Bind(MetadataBinder binder) => KafkaMetadataBinder.Bind(binder);

    /// <summary>For simulation: a traced value is the group's total lag after KEDA's rules.</summary>
    protected override MetricReading ToReading(KafkaMetadata metadata, double value) =>
        new(value, metadata.LagThreshold, value > metadata.ActivationLagThreshold);

    /// <inheritdoc />
    protected override IScaler Create(KafkaMetadata metadata, ScalerContext context)
    {
        // No I/O here: the client is made, and starts connecting, on the first read.
        var key = KafkaClientConfig.ShareKey(metadata.BootstrapServers, metadata.Tls, metadata.Sasl);
        var lease = KafkaClientPool.For(context.Services).Acquire(key, () => KafkaAdmin.Create(metadata, context));
        return new KafkaScaler(metadata, new KafkaOffsetReader(metadata, lease));
    }
}
