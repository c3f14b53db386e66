using Crema.Scalers.Temporal;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.TaskQueue.V1;
using Temporalio.Api.WorkflowService.V1;

namespace Crema.Tests.Scalers.Temporal;

/// <summary>The sums, with KEDA's TestSumDeploymentBacklog table transcribed.</summary>
public sealed class TemporalBacklogTests
{
    private static readonly DescribeWorkerDeploymentVersionResponse All = new()
    {
        VersionTaskQueues =
        {
            Queue("queue-a", TaskQueueType.Workflow, 10),
            Queue("queue-a", TaskQueueType.Activity, 20),
            Queue("queue-a", TaskQueueType.Nexus, 5),
            Queue("queue-b", TaskQueueType.Workflow, 100),
            new DescribeWorkerDeploymentVersionResponse.Types.VersionTaskQueue { Name = "queue-a", Type = TaskQueueType.Workflow },
        },
    };

    [Theory]
    [InlineData("", "", 135)] // no filters sums everything
    [InlineData("queue-a", "", 35)] // filter by task queue name
    [InlineData("", "workflow", 110)] // filter by queue type workflow; the entry without stats counts 0
    [InlineData("queue-a", "activity", 20)] // filter by name and type
    [InlineData("nonexistent", "", 0)] // filter matches nothing
    [InlineData("", "workflow,activity", 130)] // multiple type filter
    public void OfDeploymentVersion_KedaTable(string taskQueue, string types, long expected)
    {
        var filter = types.Length == 0 ? null : types.Split(',').Select(t => Enum.Parse<TaskQueueType>(t, ignoreCase: true)).ToArray();

        TemporalBacklog.OfDeploymentVersion(All, taskQueue, filter).ShouldBe(expected);
    }

    [Fact]
    public void OfEnhanced_SumsEveryTypeOfEveryVersionAndSkipsMissingStats()
    {
        var response = new DescribeTaskQueueResponse();
#pragma warning disable CS0612
        response.VersionsInfo[""] = Version((TaskQueueType.Workflow, 3L), (TaskQueueType.Activity, 4L));
        response.VersionsInfo["v1"] = Version((TaskQueueType.Nexus, 5L));
        response.VersionsInfo["v2"] = new TaskQueueVersionInfo { TypesInfo = { [(int)TaskQueueType.Workflow] = new TaskQueueTypeInfo() } };
#pragma warning restore CS0612

        TemporalBacklog.OfEnhanced(response).ShouldBe(12);
        TemporalBacklog.EnhancedNotSupported(response).ShouldBeNull();
    }

    [Fact]
    public void EnhancedNotSupported_EmptyEnhancedReply_IsAcceptedAsZero()
    {
        var response = new DescribeTaskQueueResponse();

        TemporalBacklog.EnhancedNotSupported(response).ShouldBeNull();
        TemporalBacklog.OfEnhanced(response).ShouldBe(0);
    }

    [Fact]
    public void Of_NoStats_IsZero() => TemporalBacklog.Of(new DescribeTaskQueueResponse()).ShouldBe(0);

    private static TaskQueueVersionInfo Version(params (TaskQueueType Type, long Backlog)[] types)
    {
        var version = new TaskQueueVersionInfo();
        foreach (var (type, backlog) in types)
        {
            version.TypesInfo[(int)type] = new TaskQueueTypeInfo { Stats = new TaskQueueStats { ApproximateBacklogCount = backlog } };
        }
        return version;
    }

    private static DescribeWorkerDeploymentVersionResponse.Types.VersionTaskQueue Queue(string name, TaskQueueType type, long backlog) =>
        new() { Name = name, Type = type, Stats = new TaskQueueStats { ApproximateBacklogCount = backlog } };
}
