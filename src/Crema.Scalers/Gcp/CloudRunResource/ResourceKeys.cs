using Crema.Abstractions;

namespace Crema.Scalers.Gcp.CloudRunResource;

/// <summary>
/// Every key of a <c>cpu</c> or <c>memory</c> trigger, declared once with KEDA 2.20's names and sources
/// (pkg/scalers/cpu_memory_scaler.go, <c>cpuMemoryMetadata</c>): all from trigger metadata only. The metric type is
/// the trigger's <c>metricType</c>, not a metadata key.
/// </summary>
internal static class ResourceKeys
{
    /// <summary>KEDA's old metadata <c>type</c> (<c>deprecated=</c>, removed in 2.18): an error.</summary>
    public static readonly MetadataKey Type = MetadataKey.Named("type").From(KeySource.TriggerMetadata)
        .Removed("KEDA removed it in v2.18; set the trigger's metricType: Utilization instead");

    /// <summary>The target average utilization, a whole percent of each instance's limit, at least 1. Required.</summary>
    public static readonly MetadataKey Value = MetadataKey.Named("value").From(KeySource.TriggerMetadata).Required();

    /// <summary>KEDA's container selector (a ContainerResource metric). Optional; Cloud Run has no use for it, so giving one is an error.</summary>
    public static readonly MetadataKey ContainerName = MetadataKey.Named("containerName").From(KeySource.TriggerMetadata);
}
