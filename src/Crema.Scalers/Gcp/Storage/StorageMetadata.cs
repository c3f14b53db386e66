using Crema.Abstractions;
using Crema.Scalers.Gcp.Monitoring;

namespace Crema.Scalers.Gcp.Storage;

/// <summary>Bound metadata of a gcp-storage trigger (KEDA 2.20's fields and defaults).</summary>
/// <param name="BucketName">The bucket whose objects are counted. Required.</param>
/// <param name="TargetObjectCount">Objects per replica. Default 100.</param>
/// <param name="ActivationTargetObjectCount">Active while more objects than this are counted. Default 0.</param>
/// <param name="MaxBucketItemsToScan">Counting stops once this many objects are counted. Default 1000.</param>
/// <param name="BlobPrefix">Name prefix listed, or "" for the whole bucket. Default "".</param>
/// <param name="BlobDelimiter">Delimiter for one-level listings, or "". Default "".</param>
/// <param name="Credentials">The identity to call Cloud Storage with (its ToString names no key).</param>
internal sealed record StorageMetadata(
    string BucketName,
    long TargetObjectCount,
    long ActivationTargetObjectCount,
    long MaxBucketItemsToScan,
    string BlobPrefix,
    string BlobDelimiter,
    GcpCredentials Credentials)
{
    /// <summary>Longest one objects.list page may take, on the injected clock. A page of 1000 entries takes well under a second.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The reading for an object count: compared with targetObjectCount, active above activationTargetObjectCount (KEDA).</summary>
    public MetricReading ToReading(double objects) => new(objects, TargetObjectCount, objects > ActivationTargetObjectCount);
}
