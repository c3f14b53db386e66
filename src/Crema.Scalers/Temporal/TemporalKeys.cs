using Crema.Abstractions;

namespace Crema.Scalers.Temporal;

/// <summary>
/// Every key of a <c>temporal</c> trigger, declared once with KEDA 2.20's names, sources
/// (<c>order=</c>), defaults and deprecations (pkg/scalers/temporal_scaler.go).
/// </summary>
internal static class TemporalKeys
{
    private const string RulesBasedVersioning =
        "Temporal Server is dropping the Rules-Based Versioning APIs (KEDA removes this key in v2.21)";

    /// <summary>host:port of the Temporal frontend (gRPC). Required; metadata, then endpointFromEnv.</summary>
    public static readonly MetadataKey Endpoint = MetadataKey.Named("endpoint").Required();

    /// <summary>The Temporal namespace. Default "default"; metadata, then namespaceFromEnv.</summary>
    public static readonly MetadataKey Namespace = MetadataKey.Named("namespace").Default("default");

    /// <summary>The task queue's name. Required; metadata, then taskQueueFromEnv.</summary>
    public static readonly MetadataKey TaskQueue = MetadataKey.Named("taskQueue").Required();

    /// <summary>Backlog per replica. Default 5, &gt;= 0; metadata only.</summary>
    public static readonly MetadataKey TargetQueueSize =
        MetadataKey.Named("targetQueueSize").From(KeySource.TriggerMetadata).Default("5").NotNegative();

    /// <summary>Active while the backlog is above this. Default 0, &gt;= 0; metadata only.</summary>
    public static readonly MetadataKey ActivationTargetQueueSize =
        MetadataKey.Named("activationTargetQueueSize").From(KeySource.TriggerMetadata).Default("0").NotNegative();

    /// <summary>Task queue types to count. Default activity, workflow, nexus; metadata only.</summary>
    public static readonly MetadataKey QueueTypes =
        MetadataKey.Named("queueTypes").From(KeySource.TriggerMetadata).OneOf("workflow", "activity", "nexus");

    /// <summary>Legacy (rules-based) Build ID. Deprecated; metadata, then buildIdFromEnv.</summary>
    public static readonly MetadataKey BuildId = MetadataKey.Named("buildId")
        .Deprecated(RulesBasedVersioning + "; use workerDeploymentName and workerDeploymentBuildId instead");

    /// <summary>Worker Deployment name. Metadata, then workerDeploymentNameFromEnv.</summary>
    public static readonly MetadataKey WorkerDeploymentName = MetadataKey.Named("workerDeploymentName");

    /// <summary>Build ID within the Worker Deployment. Metadata, then workerDeploymentBuildIdFromEnv.</summary>
    public static readonly MetadataKey WorkerDeploymentBuildId = MetadataKey.Named("workerDeploymentBuildId");

    /// <summary>Legacy selection of every active Build ID. Default false, deprecated; metadata only.</summary>
    public static readonly MetadataKey SelectAllActive = MetadataKey.Named("selectAllActive").From(KeySource.TriggerMetadata)
        .Deprecated(RulesBasedVersioning + "; use workerDeploymentName and workerDeploymentBuildId instead");

    /// <summary>Legacy selection of the unversioned queue. Default false, deprecated; metadata only.</summary>
    public static readonly MetadataKey SelectUnversioned = MetadataKey.Named("selectUnversioned").From(KeySource.TriggerMetadata)
        .Deprecated(RulesBasedVersioning + "; remove it if your workers are unversioned, or use workerDeploymentName and workerDeploymentBuildId");

    /// <summary>Temporal Cloud API key, sent as <c>authorization: Bearer</c>. Auth parameter, then apiKeyFromEnv.</summary>
    public static readonly MetadataKey ApiKey = MetadataKey.Named("apiKey").From(KeySource.AuthParams, KeySource.ResolvedEnv);

    /// <summary>Seconds a connection attempt may take. Default 5, &gt;= 0; metadata only.</summary>
    public static readonly MetadataKey MinConnectTimeout =
        MetadataKey.Named("minConnectTimeout").From(KeySource.TriggerMetadata).Default("5").NotNegative();

    /// <summary>Skip server certificate validation. Default false; metadata only.</summary>
    public static readonly MetadataKey UnsafeSsl = MetadataKey.Named("unsafeSsl").From(KeySource.TriggerMetadata);

    /// <summary>The server name for SNI and certificate validation. Metadata only.</summary>
    public static readonly MetadataKey TlsServerName = MetadataKey.Named("tlsServerName").From(KeySource.TriggerMetadata);

    /// <summary>Client certificate (PEM) for mTLS. Auth parameter.</summary>
    public static readonly MetadataKey Cert = MetadataKey.Secret("cert");

    /// <summary>Client key (PEM) for mTLS. Auth parameter.</summary>
    public static readonly MetadataKey Key = MetadataKey.Secret("key");

    /// <summary>Password of an encrypted PKCS#8 client key. Auth parameter.</summary>
    public static readonly MetadataKey KeyPassword = MetadataKey.Secret("keyPassword");

    /// <summary>Extra trusted CA (PEM). Auth parameter.</summary>
    public static readonly MetadataKey Ca = MetadataKey.Secret("ca");
}
