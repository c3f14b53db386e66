using Crema.Abstractions;

namespace Crema.Scalers.Gcp.CloudTasks;

/// <summary>
/// Every key of a <c>gcp-cloudtasks</c> trigger, declared once with KEDA 2.20's names, sources and defaults
/// (pkg/scalers/gcp_cloud_tasks_scaler.go, <c>gcpCloudTaskMetadata</c>): all read from trigger metadata only
/// (no <c>keyFromEnv</c>). The credential keys are <see cref="Monitoring.GcpCredentialKeys"/>.
/// </summary>
internal static class CloudTasksKeys
{
    /// <summary>Queue id, or projects/P/locations/L/queues/Q. Required.</summary>
    public static readonly MetadataKey QueueName = MetadataKey.Named("queueName").From(KeySource.TriggerMetadata).Required();

    /// <summary>
    /// The queue's project, spelled <c>projectID</c> as in KEDA; <c>projectId</c> (gcp-stackdriver's spelling)
    /// is accepted too. Required unless <see cref="QueueName"/> is a full name (a Crema addition).
    /// </summary>
    public static readonly MetadataKey ProjectId = MetadataKey.Named("projectID", "projectId").From(KeySource.TriggerMetadata);

    /// <summary>Target tasks per replica. Default 100, &gt; 0 (KEDA sets no bound; a target of 0 cannot scale).</summary>
    public static readonly MetadataKey Value = MetadataKey.Named("value").From(KeySource.TriggerMetadata).Default("100").Positive();

    /// <summary>Active above this many tasks. Default 0.</summary>
    public static readonly MetadataKey ActivationValue = MetadataKey.Named("activationValue").From(KeySource.TriggerMetadata).Default("0");

    /// <summary>Minutes to look back, an integer. Default 2 (0 or less means 2, as in KEDA).</summary>
    public static readonly MetadataKey FilterDuration = MetadataKey.Named("filterDuration").From(KeySource.TriggerMetadata);

    /// <summary>Crema addition (KEDA has no such key): the depth when no point is found. Default none (an error).</summary>
    public static readonly MetadataKey ValueIfNull = MetadataKey.Named("valueIfNull").From(KeySource.TriggerMetadata);
}
