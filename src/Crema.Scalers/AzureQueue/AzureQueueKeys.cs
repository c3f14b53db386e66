using Crema.Abstractions;

namespace Crema.Scalers.AzureQueue;

/// <summary>
/// Every key of an <c>azure-queue</c> trigger, declared once with KEDA 2.20's names, sources (<c>order=</c>), defaults
/// and enums (pkg/scalers/azure_queue_scaler.go; cloud and endpointSuffix from pkg/scalers/azure/azure_cloud_environment.go).
/// </summary>
internal static class AzureQueueKeys
{
    /// <summary>The queue's name. Required; metadata only.</summary>
    public static readonly MetadataKey QueueName = MetadataKey.Named("queueName").From(KeySource.TriggerMetadata).Required();

    /// <summary>Messages per replica. Default 5, &gt; 0; metadata only.</summary>
    public static readonly MetadataKey QueueLength =
        MetadataKey.Named("queueLength").From(KeySource.TriggerMetadata).Default("5").Positive();

    /// <summary>Active while the queue holds more than this. Default 0; metadata only.</summary>
    public static readonly MetadataKey ActivationQueueLength =
        MetadataKey.Named("activationQueueLength").From(KeySource.TriggerMetadata).Default("0");

    /// <summary>The storage account's connection string (holds its key). Auth parameter, then metadata, then connectionFromEnv.</summary>
    public static readonly MetadataKey Connection =
        MetadataKey.Named("connection").From(KeySource.AuthParams, KeySource.TriggerMetadata, KeySource.ResolvedEnv);

    /// <summary>The storage account (KEDA uses it only with podIdentity azure-workload). Metadata only.</summary>
    public static readonly MetadataKey AccountName = MetadataKey.Named("accountName").From(KeySource.TriggerMetadata);

    /// <summary>The queue endpoint's suffix for cloud Private. Metadata only.</summary>
    public static readonly MetadataKey EndpointSuffix = MetadataKey.Named("endpointSuffix").From(KeySource.TriggerMetadata);

    /// <summary>The Azure cloud: AzurePublicCloud (default), AzureUSGovernmentCloud, AzureChinaCloud, AzureGermanCloud or Private. Metadata only.</summary>
    public static readonly MetadataKey Cloud = MetadataKey.Named("cloud").From(KeySource.TriggerMetadata);

    /// <summary>all (the approximate count) or visibleonly (peek up to 32 visible). Default all; metadata only.</summary>
    public static readonly MetadataKey QueueLengthStrategy =
        MetadataKey.Named("queueLengthStrategy").From(KeySource.TriggerMetadata).Default("all").OneOf("all", "visibleonly");
}
