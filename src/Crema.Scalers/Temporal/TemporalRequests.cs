using Temporalio.Api.Deployment.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.TaskQueue.V1;
using Temporalio.Api.WorkflowService.V1;

namespace Crema.Scalers.Temporal;

/// <summary>
/// The requests KEDA 2.20 sends (its Go SDK v1.44 calls), field for field, so a Temporal server answers
/// Crema exactly as it answers KEDA.
/// </summary>
internal static class TemporalRequests
{
    /// <summary>Unversioned mode: one DescribeTaskQueue per type, kind NORMAL, stats only.</summary>
    public static DescribeTaskQueueRequest Unversioned(TemporalMetadata metadata, TaskQueueType type) => new()
    {
        Namespace = metadata.Namespace,
        TaskQueue = new TaskQueue { Name = metadata.TaskQueue, Kind = TaskQueueKind.Normal },
        TaskQueueType = type,
        ReportStats = true,
    };

    /// <summary>
    /// Build ID mode: the SDK's DescribeTaskQueueEnhanced, one DescribeTaskQueue in the deprecated ENHANCED
    /// mode for every type at once. KEDA always passes <c>[buildId]</c>, so without a buildId it selects
    /// the Build ID "" besides selectAllActive / selectUnversioned; the task queue's kind is left unset.
    /// </summary>
    public static DescribeTaskQueueRequest Enhanced(TemporalMetadata metadata)
    {
#pragma warning disable CS0612 // KEDA 2.20 reads legacy Build ID backlogs through the deprecated ENHANCED mode.
        var request = new DescribeTaskQueueRequest
        {
            Namespace = metadata.Namespace,
            TaskQueue = new TaskQueue { Name = metadata.TaskQueue },
            ApiMode = DescribeTaskQueueMode.Enhanced,
            Versions = new TaskQueueVersionSelection { AllActive = metadata.SelectAllActive, Unversioned = metadata.SelectUnversioned },
            ReportStats = true,
            ReportPollers = false,
            ReportTaskReachability = false,
        };
        request.Versions.BuildIds.Add(metadata.BuildId);
        request.TaskQueueTypes.Add(metadata.QueueTypes);
#pragma warning restore CS0612
        return request;
    }

    /// <summary>Worker Deployment Version mode: that version's task queues with their stats.</summary>
    public static DescribeWorkerDeploymentVersionRequest DeploymentVersion(TemporalMetadata metadata) => new()
    {
        Namespace = metadata.Namespace,
        DeploymentVersion = new WorkerDeploymentVersion
        {
            DeploymentName = metadata.WorkerDeploymentName,
            BuildId = metadata.WorkerDeploymentBuildId,
        },
        ReportTaskQueueStats = true,
    };
}
