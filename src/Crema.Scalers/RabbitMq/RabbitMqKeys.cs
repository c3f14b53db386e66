using Crema.Abstractions;
using Crema.Scalers.Http;

namespace Crema.Scalers.RabbitMq;

/// <summary>
/// Every key of a <c>rabbitmq</c> trigger, declared once with KEDA's names, sources and defaults
/// (pkg/scalers/rabbitmq_scaler.go, <c>rabbitMQMetadata</c>'s <c>keda:</c> tags).
/// </summary>
internal static class RabbitMqKeys
{
    // KEDA reads these from the trigger's metadata only: no xFromEnv twin.
    public static readonly MetadataKey QueueName = MetadataKey.Named("queueName").From(KeySource.TriggerMetadata).Required();
    public static readonly MetadataKey Mode = MetadataKey.Named("mode").From(KeySource.TriggerMetadata)
        .OneOf(RabbitMqModes.Names);
    public static readonly MetadataKey QueueLength = MetadataKey.Named("queueLength").From(KeySource.TriggerMetadata)
        .Deprecated("use mode: QueueLength and value instead");
    public static readonly MetadataKey Value = MetadataKey.Named("value").From(KeySource.TriggerMetadata);
    public static readonly MetadataKey ActivationValue = MetadataKey.Named("activationValue").From(KeySource.TriggerMetadata).Default("0");
    public static readonly MetadataKey UseRegex = MetadataKey.Named("useRegex").From(KeySource.TriggerMetadata);
    public static readonly MetadataKey ExcludeUnacknowledged = MetadataKey.Named("excludeUnacknowledged").From(KeySource.TriggerMetadata);
    public static readonly MetadataKey PageSize = MetadataKey.Named("pageSize").From(KeySource.TriggerMetadata).Default("100").Range(min: 1);
    public static readonly MetadataKey Operation = MetadataKey.Named("operation").From(KeySource.TriggerMetadata)
        .Default("sum").OneOf("sum", "max", "avg");
    public static readonly MetadataKey Timeout = MetadataKey.Named("timeout").From(KeySource.TriggerMetadata);
    public static readonly MetadataKey UnsafeSsl = MetadataKey.Named("unsafeSsl").From(KeySource.TriggerMetadata);

    public static readonly MetadataKey Host = MetadataKey.Named("host").From(KeySource.TriggerMetadata, KeySource.AuthParams, KeySource.ResolvedEnv)
        .Required("for example amqp://rabbitmq:5672/vhost or http://rabbitmq:15672/vhost");
    public static readonly MetadataKey Protocol = MetadataKey.Named("protocol").From(KeySource.TriggerMetadata, KeySource.AuthParams)
        .Default("auto").OneOf("auto", "amqp", "http");
    public static readonly MetadataKey VhostName = MetadataKey.Named("vhostName").From(KeySource.TriggerMetadata, KeySource.AuthParams);

    public static readonly MetadataKey Username = MetadataKey.Named("username").From(KeySource.AuthParams, KeySource.ResolvedEnv);
    public static readonly MetadataKey Password = MetadataKey.Named("password").From(KeySource.AuthParams, KeySource.ResolvedEnv);

    public static readonly MetadataKey Tls = MetadataKey.Secret("tls").Default("disable").OneOf("enable", "disable");
    public static readonly MetadataKey Ca = MetadataKey.Secret("ca");
    public static readonly MetadataKey Cert = MetadataKey.Secret("cert");
    public static readonly MetadataKey Key = MetadataKey.Secret("key");
    public static readonly MetadataKey KeyPassword = MetadataKey.Secret("keyPassword");

    // OAuth2 client credentials: the shared HTTP authentication's declarations.
    public static readonly MetadataKey OAuthTokenUri = HttpAuthKeys.OAuthTokenUri;
    public static readonly MetadataKey ClientId = HttpAuthKeys.ClientId;
    public static readonly MetadataKey ClientSecret = HttpAuthKeys.ClientSecret;
    public static readonly MetadataKey Scopes = HttpAuthKeys.Scopes;
    public static readonly MetadataKey EndpointParams = HttpAuthKeys.EndpointParams;

    public static readonly MetadataKey WorkloadIdentityResource = MetadataKey.Secret("workloadIdentityResource");
}
