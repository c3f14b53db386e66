using Crema.Abstractions;

namespace Crema.Scalers.Redis;

/// <summary>
/// The metadata keys of KEDA's Redis scalers (pkg/scalers/redis_scaler.go, redis_streams_scaler.go), declared
/// once with KEDA's names, aliases and lookup order (its <c>order=</c> tag).
/// </summary>
internal static class RedisKeys
{
    private static readonly KeySource[] MetadataAuthEnv = [KeySource.TriggerMetadata, KeySource.AuthParams, KeySource.ResolvedEnv];
    private static readonly KeySource[] MetadataEnvAuth = [KeySource.TriggerMetadata, KeySource.ResolvedEnv, KeySource.AuthParams];

    // The connection (redisConnectionInfo), shared by every Redis trigger type.
    public static readonly MetadataKey Address = MetadataKey.Named("address", "addresses").From(MetadataAuthEnv);
    public static readonly MetadataKey Host = MetadataKey.Named("host", "hosts").From(MetadataEnvAuth);
    public static readonly MetadataKey Port = MetadataKey.Named("port", "ports").From(MetadataEnvAuth);
    public static readonly MetadataKey Username = MetadataKey.Named("username").From(MetadataEnvAuth);
    public static readonly MetadataKey Password = MetadataKey.Named("password").From(MetadataEnvAuth);
    public static readonly MetadataKey SentinelUsername = MetadataKey.Named("sentinelUsername").From(MetadataAuthEnv);
    public static readonly MetadataKey SentinelPassword = MetadataKey.Named("sentinelPassword").From(MetadataAuthEnv);
    public static readonly MetadataKey SentinelMaster = MetadataKey.Named("sentinelMaster").From(MetadataAuthEnv);
    public static readonly MetadataKey DatabaseIndex = MetadataKey.Named("databaseIndex").From(KeySource.TriggerMetadata).NotNegative();
    public static readonly MetadataKey EnableTls = MetadataKey.Named("enableTLS").From(KeySource.TriggerMetadata);
    public static readonly MetadataKey UnsafeSsl = MetadataKey.Named("unsafeSsl").From(KeySource.TriggerMetadata).Default("false");
    public static readonly MetadataKey Tls = MetadataKey.Secret("tls").OneOf("enable", "disable");
    public static readonly MetadataKey Cert = MetadataKey.Secret("Cert", "cert");
    public static readonly MetadataKey Key = MetadataKey.Secret("key");
    public static readonly MetadataKey KeyPassword = MetadataKey.Secret("keyPassword");
    public static readonly MetadataKey Ca = MetadataKey.Secret("ca");

    // Lists (redisMetadata).
    public static readonly MetadataKey ListName = MetadataKey.Named("listName").From(KeySource.TriggerMetadata).Required();
    public static readonly MetadataKey ListLength = MetadataKey.Named("listLength").From(KeySource.TriggerMetadata).Default("5").Positive();
    public static readonly MetadataKey ActivationListLength = MetadataKey.Named("activationListLength").From(KeySource.TriggerMetadata).Default("0");

    // Streams (redisStreamsMetadata). Targets are checked > 0 only for the one the mode uses.
    public static readonly MetadataKey Stream = MetadataKey.Named("stream").From(KeySource.TriggerMetadata).Required();
    public static readonly MetadataKey ConsumerGroup = MetadataKey.Named("consumerGroup").From(KeySource.TriggerMetadata);
    public static readonly MetadataKey PendingEntriesCount = MetadataKey.Named("pendingEntriesCount").From(KeySource.TriggerMetadata).Default("5");
    public static readonly MetadataKey StreamLength = MetadataKey.Named("streamLength").From(KeySource.TriggerMetadata).Default("5");
    public static readonly MetadataKey LagCount = MetadataKey.Named("lagCount").From(KeySource.TriggerMetadata).Default("0");
    public static readonly MetadataKey ActivationLagCount = MetadataKey.Named("activationLagCount").From(KeySource.TriggerMetadata).Default("0");
}
