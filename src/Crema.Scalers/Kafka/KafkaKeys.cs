using Crema.Abstractions;

namespace Crema.Scalers.Kafka;

/// <summary>
/// Every key of a <c>kafka</c> trigger, declared once with KEDA 2.20's names, sources (<c>order=</c>),
/// defaults and enums (pkg/scalers/kafka_scaler.go, <c>kafkaMetadata</c>'s <c>keda:</c> tags). Only
/// bootstrapServers, consumerGroup and topic also come from <c>keyFromEnv</c>; tls, sasl and
/// saslTokenProvider come from metadata, then the authenticationRef; credentials only from the authenticationRef.
/// </summary>
internal static class KafkaKeys
{
    private static readonly KeySource[] MetadataThenAuth = [KeySource.TriggerMetadata, KeySource.AuthParams];

    /// <summary>Comma list of host:port. Required; metadata, then bootstrapServersFromEnv.</summary>
    public static readonly MetadataKey BootstrapServers = MetadataKey.Named("bootstrapServers").Required();

    /// <summary>The group whose lag is measured. Required; metadata, then consumerGroupFromEnv.</summary>
    public static readonly MetadataKey ConsumerGroup = MetadataKey.Named("consumerGroup").Required();

    /// <summary>Only this topic. Default every topic the group committed; metadata, then topicFromEnv.</summary>
    public static readonly MetadataKey Topic = MetadataKey.Named("topic");

    /// <summary>Partitions to count, <c>1,2,10-12</c>. Default all; metadata only.</summary>
    public static readonly MetadataKey PartitionLimitation = MetadataKey.Named("partitionLimitation").From(KeySource.TriggerMetadata);

    /// <summary>Target lag per replica. Default 10, &gt; 0; metadata only.</summary>
    public static readonly MetadataKey LagThreshold = MetadataKey.Named("lagThreshold").From(KeySource.TriggerMetadata).Default("10").Positive();

    /// <summary>Active above this lag. Default 0, &gt;= 0; metadata only.</summary>
    public static readonly MetadataKey ActivationLagThreshold =
        MetadataKey.Named("activationLagThreshold").From(KeySource.TriggerMetadata).Default("0").NotNegative();

    /// <summary>What a partition without a committed offset counts. Default latest; metadata only.</summary>
    public static readonly MetadataKey OffsetResetPolicy =
        MetadataKey.Named("offsetResetPolicy").From(KeySource.TriggerMetadata).Default("latest").OneOf("latest", "earliest");

    /// <summary>Do not cap the metric at the partition count. Default false; metadata only.</summary>
    public static readonly MetadataKey AllowIdleConsumers = Flag("allowIdleConsumers");

    /// <summary>Partitions whose commit did not move count 0 for scaling. Default false; metadata only.</summary>
    public static readonly MetadataKey ExcludePersistentLag = Flag("excludePersistentLag");

    /// <summary>A partition without a committed offset counts 0. Default false; metadata only.</summary>
    public static readonly MetadataKey ScaleToZeroOnInvalidOffset = Flag("scaleToZeroOnInvalidOffset");

    /// <summary>Cap at the partitions with lag. Default false; metadata only.</summary>
    public static readonly MetadataKey LimitToPartitionsWithLag = Flag("limitToPartitionsWithLag");

    /// <summary>Round up to a divisor of the partition count. Default false; metadata only.</summary>
    public static readonly MetadataKey EnsureEvenDistributionOfPartitions = Flag("ensureEvenDistributionOfPartitions");

    /// <summary>sarama's protocol version: checked, then ignored (librdkafka negotiates). Metadata only.</summary>
    public static readonly MetadataKey Version = MetadataKey.Named("version").From(KeySource.TriggerMetadata);

    /// <summary>enable or disable. Default disable; metadata, then the authenticationRef.</summary>
    public static readonly MetadataKey Tls = MetadataKey.Named("tls").From(MetadataThenAuth).Default("disable").OneOf("enable", "disable");

    /// <summary>Skip broker certificate validation. Default false; metadata only.</summary>
    public static readonly MetadataKey UnsafeSsl = Flag("unsafeSsl");

    public static readonly MetadataKey Ca = MetadataKey.Secret("ca");
    public static readonly MetadataKey Cert = MetadataKey.Secret("cert");
    public static readonly MetadataKey Key = MetadataKey.Secret("key");
    public static readonly MetadataKey KeyPassword = MetadataKey.Secret("keyPassword");

    /// <summary>The SASL mechanism. Default none; metadata, then the authenticationRef. gssapi is KEDA's, rejected by Crema.</summary>
    public static readonly MetadataKey Sasl = MetadataKey.Named("sasl").From(MetadataThenAuth)
        .OneOf("none", "plaintext", "scram_sha256", "scram_sha512", "oauthbearer", "gssapi");

    public static readonly MetadataKey Username = MetadataKey.Secret("username");
    public static readonly MetadataKey Password = MetadataKey.Secret("password");

    /// <summary>
    /// Crema's own podIdentity gcp: the principal's email is no secret, so it may also sit in metadata
    /// (then usernameFromEnv) when the authenticationRef carries only the podIdentity.
    /// </summary>
    public static readonly MetadataKey GooglePrincipal =
        MetadataKey.Named("username").From(KeySource.AuthParams, KeySource.TriggerMetadata, KeySource.ResolvedEnv);

    /// <summary>With oauthbearer: bearer (default) or aws_msk_iam (rejected). Metadata, then the authenticationRef.</summary>
    public static readonly MetadataKey SaslTokenProvider = MetadataKey.Named("saslTokenProvider").From(MetadataThenAuth).OneOf("bearer", "aws_msk_iam");

    public static readonly MetadataKey OAuthTokenEndpointUri = MetadataKey.Secret("oauthTokenEndpointUri");
    public static readonly MetadataKey Scopes = MetadataKey.Secret("scopes");
    public static readonly MetadataKey OAuthExtensions = MetadataKey.Secret("oauthExtensions");

    private static MetadataKey Flag(string name) => MetadataKey.Named(name).From(KeySource.TriggerMetadata).Default("false");
}
