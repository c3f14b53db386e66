using Temporalio.Api.Enums.V1;
using Temporalio.Api.WorkflowService.V1;

namespace Crema.Scalers.Temporal;

/// <summary>
/// How KEDA adds up ApproximateBacklogCount in each mode; a missing stats message counts 0. Counts are int64
/// from the server: a negative one counts 0, and sums saturate instead of overflowing.
/// </summary>
internal static class TemporalBacklog
{
    /// <summary>Unversioned mode: the one type's stats of one reply.</summary>
    public static long Of(DescribeTaskQueueResponse response) => Count(response.Stats);

    /// <summary>Build ID mode: every version of <c>versions_info</c>, every type of each.</summary>
    public static long OfEnhanced(DescribeTaskQueueResponse response)
    {
#pragma warning disable CS0612 // versions_info is the ENHANCED mode's reply, deprecated with it.
        return Sum(response.VersionsInfo.Values
            .SelectMany(version => version.TypesInfo.Values)
            .Select(type => Count(type.Stats)));
#pragma warning restore CS0612
    }

    /// <summary>
    /// The SDK's check for a server older than 1.24: it ignores ENHANCED mode and answers with pollers
    /// or a task queue status but no <c>versions_info</c>. Null when the reply is an enhanced one.
    /// </summary>
    public static string? EnhancedNotSupported(DescribeTaskQueueResponse response)
    {
#pragma warning disable CS0612
        return response.VersionsInfo.Count == 0 && (response.Pollers.Count > 0 || response.TaskQueueStatus is not null)
            ? "the server does not support DescribeTaskQueue in ENHANCED mode (Temporal Server 1.24 or newer is needed for buildId, selectAllActive and selectUnversioned)"
            : null;
#pragma warning restore CS0612
    }

    /// <summary>
    /// Worker Deployment Version mode: the task queues named taskQueue, of the given types when
    /// queueTypes was written (every type otherwise).
    /// </summary>
    public static long OfDeploymentVersion(DescribeWorkerDeploymentVersionResponse response, string taskQueue, IReadOnlyCollection<TaskQueueType>? types) =>
        Sum(response.VersionTaskQueues
            .Where(queue => (types is null || types.Contains(queue.Type)) && (taskQueue.Length == 0 || queue.Name == taskQueue))
            .Select(queue => Count(queue.Stats)));

    private static long Count(Temporalio.Api.TaskQueue.V1.TaskQueueStats? stats) => Math.Max(0, stats?.ApproximateBacklogCount ?? 0);

    private static long Sum(IEnumerable<long> counts) => counts.Aggregate(0L, (total, count) => total > long.MaxValue - count ? long.MaxValue : total + count);
}
