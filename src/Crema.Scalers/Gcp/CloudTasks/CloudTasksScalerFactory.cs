using System.Text.RegularExpressions;
using Crema.Abstractions;
using Crema.Scalers.Gcp.Monitoring;

namespace Crema.Scalers.Gcp.CloudTasks;

/// <summary>
/// The <c>gcp-cloudtasks</c> trigger: the depth of a Cloud Tasks queue
/// (cloudtasks.googleapis.com/queue/depth), target 100 tasks per replica by default.
/// </summary>
internal sealed partial class CloudTasksScalerFactory : ScalerFactory<CloudTasksMetadata>
{
    /// <inheritdoc />
    public override string Type => "gcp-cloudtasks";

    /// <inheritdoc />
    public override string Description => "Cloud Tasks queue depth";

    /// <inheritdoc />
    protected override CloudTasksMetadata Bind(MetadataBinder binder)
    {
        var queueName = binder.RequiredString(CloudTasksKeys.QueueName);
        string? location = null;
        var queueId = queueName;
        string? projectFromName = null;
        if (FullQueueName().Match(queueName) is { Success: true } match)
        {
            projectFromName = match.Groups[1].Value;
            location = match.Groups[2].Value;
            queueId = match.Groups[3].Value;
        }
        else if (queueName.Contains('/', StringComparison.Ordinal))
        {
            binder.Fail(CloudTasksKeys.QueueName, $"\"{queueName}\" is neither a queue id nor projects/PROJECT/locations/LOCATION/queues/QUEUE");
        }
        // KEDA always requires projectID; a full queue name already carries the project.
        var projectId = binder.String(CloudTasksKeys.ProjectId, required: projectFromName is null) ?? projectFromName ?? string.Empty;
        if (projectFromName is not null && projectId != projectFromName)
        {
            binder.Fail(CloudTasksKeys.ProjectId, $"\"{projectId}\" differs from the project \"{projectFromName}\" of queueName");
        }
        var value = binder.Double(CloudTasksKeys.Value, 100);
        var activation = binder.Double(CloudTasksKeys.ActivationValue);
        double? valueIfNull = binder.Has(CloudTasksKeys.ValueIfNull) ? binder.Double(CloudTasksKeys.ValueIfNull) : null;
        var minutes = binder.Long(CloudTasksKeys.FilterDuration, 2);
        var credentials = GcpCredentialBinder.Bind(binder);
        return new CloudTasksMetadata(projectId, queueId, location, value, activation, valueIfNull,
            TimeSpan.FromMinutes(minutes <= 0 ? 2 : minutes), credentials);
    }

    /// <inheritdoc />
    protected override MetricReading ToReading(CloudTasksMetadata metadata, double value) =>
        new(value, metadata.Value, value > metadata.ActivationValue);

    /// <inheritdoc />
    protected override IScaler Create(CloudTasksMetadata metadata, ScalerContext context) =>
        new CloudTasksScaler(metadata, MonitoringClientPool.Get(context, metadata.Credentials), context);

    [GeneratedRegex("^projects/([^/]+)/locations/([^/]+)/queues/([^/]+)$")]
    private static partial Regex FullQueueName();
}
