using Crema.Abstractions;
using Crema.Scalers.Kafka.Protocol;

namespace Crema.Scalers.Kafka;

/// <summary>
/// Builds <c>kafka</c> (alias <c>apache-kafka</c>) triggers. Metadata as KEDA's kafka scaler;
/// <c>tls</c> and <c>sasl</c> may sit in metadata or the authenticationRef, credentials
/// (username, password, ca, cert, key) only in the authenticationRef.
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
        var options = new KafkaConnectionOptions
        {
            Tls = metadata.Tls,
            Sasl = metadata.Sasl,
            TimeProvider = context.TimeProvider,
        };
        var client = new KafkaClient(metadata.BootstrapServers, options);
        return new KafkaScaler(metadata, new KafkaOffsetReader(metadata, client));
    }
}
