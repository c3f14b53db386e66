using Crema.Abstractions;

namespace Crema.Scalers.Gcp.Storage;

/// <summary>
/// Every key of a <c>gcp-storage</c> trigger, declared once with KEDA 2.20's names, sources and defaults
/// (pkg/scalers/gcp_storage_scaler.go, <c>gcsMetadata</c>): all read from trigger metadata only
/// (<c>order=triggerMetadata</c>, no <c>keyFromEnv</c>). The credential keys are <see cref="Monitoring.GcpCredentialKeys"/>.
/// </summary>
internal static class StorageKeys
{
    /// <summary>The bucket. Required (KEDA's tag has no <c>optional</c>).</summary>
    public static readonly MetadataKey BucketName = MetadataKey.Named("bucketName").From(KeySource.TriggerMetadata).Required();

    /// <summary>Target objects per replica, an integer. Default 100, &gt; 0 (KEDA's Validate).</summary>
    public static readonly MetadataKey TargetObjectCount =
        MetadataKey.Named("targetObjectCount").From(KeySource.TriggerMetadata).Default("100").Positive();

    /// <summary>Active above this many objects, an integer. Default 0, not negative (KEDA's Validate).</summary>
    public static readonly MetadataKey ActivationTargetObjectCount =
        MetadataKey.Named("activationTargetObjectCount").From(KeySource.TriggerMetadata).Default("0").NotNegative();

    /// <summary>Counting stops at this many objects, an integer. Default 1000, &gt; 0 (KEDA's Validate).</summary>
    public static readonly MetadataKey MaxBucketItemsToScan =
        MetadataKey.Named("maxBucketItemsToScan").From(KeySource.TriggerMetadata).Default("1000").Positive();

    /// <summary>Only objects whose names start with this are listed. Default "" (the whole bucket).</summary>
    public static readonly MetadataKey BlobPrefix = MetadataKey.Named("blobPrefix").From(KeySource.TriggerMetadata);

    /// <summary>Lists one level only: names with this after the prefix come back as prefixes, not counted. Default "".</summary>
    public static readonly MetadataKey BlobDelimiter = MetadataKey.Named("blobDelimiter").From(KeySource.TriggerMetadata);
}
