using Crema.Abstractions;

namespace Crema.Scalers.Gcp.PubSub;

/// <summary>
/// Every key of a <c>gcp-pubsub</c> trigger, declared once with KEDA 2.20's names, sources (<c>order=</c>),
/// defaults and deprecations (pkg/scalers/gcp_pubsub_scaler.go, <c>pubsubMetadata</c>'s <c>keda:</c> tags).
/// The credential keys are <see cref="Monitoring.GcpCredentialKeys"/>.
/// </summary>
internal static class PubSubKeys
{
    /// <summary>Subscription id or full name. Metadata, then subscriptionNameFromEnv. Exactly one of this and <see cref="TopicName"/>.</summary>
    public static readonly MetadataKey SubscriptionName = MetadataKey.Named("subscriptionName");

    /// <summary>Topic id or full name. Metadata, then topicNameFromEnv.</summary>
    public static readonly MetadataKey TopicName = MetadataKey.Named("topicName");

    /// <summary>The metric in CamelCase. Default SubscriptionSize (num_undelivered_messages); metadata only.</summary>
    public static readonly MetadataKey Mode = MetadataKey.Named("mode").From(KeySource.TriggerMetadata).Default("SubscriptionSize");

    /// <summary>Target per replica. Default 10, &gt; 0 (KEDA sets no bound; a target of 0 cannot scale); metadata only.</summary>
    public static readonly MetadataKey Value = MetadataKey.Named("value").From(KeySource.TriggerMetadata).Default("10").Positive();

    /// <summary>KEDA's old name of the target: an error since KEDA 2.20 (<c>deprecated=</c>). Metadata only.</summary>
    public static readonly MetadataKey SubscriptionSize = MetadataKey.Named("subscriptionSize").From(KeySource.TriggerMetadata)
        .Removed("KEDA 2.20 removed it; use mode: SubscriptionSize and value instead");

    /// <summary>Active above this value. Default 0; metadata only.</summary>
    public static readonly MetadataKey ActivationValue = MetadataKey.Named("activationValue").From(KeySource.TriggerMetadata).Default("0");

    /// <summary>Reduction of a distribution metric (mean, median, ...). Metadata only.</summary>
    public static readonly MetadataKey Aggregation = MetadataKey.Named("aggregation").From(KeySource.TriggerMetadata);

    /// <summary>How far back to look. Default 2m (5m with aggregation), at least 1m; metadata only.</summary>
    public static readonly MetadataKey TimeHorizon = MetadataKey.Named("timeHorizon").From(KeySource.TriggerMetadata);

    /// <summary>Value when no point is found. Metadata only.</summary>
    public static readonly MetadataKey ValueIfNull = MetadataKey.Named("valueIfNull").From(KeySource.TriggerMetadata);

    /// <summary>
    /// Crema addition (KEDA has no such key): the project of a short name. Metadata, then projectIdFromEnv;
    /// <c>projectID</c> (gcp-cloudtasks' spelling) is accepted too.
    /// </summary>
    public static readonly MetadataKey ProjectId = MetadataKey.Named("projectId", "projectID");
}
