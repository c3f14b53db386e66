using Crema.Scalers.Temporal;
using Temporalio.Api.Deployment.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.TaskQueue.V1;
using Temporalio.Api.WorkflowService.V1;

namespace Crema.Tests.Scalers.Temporal;

/// <summary>What the scaler sends to a Temporal frontend (an in-process gRPC server with the real messages) and how it reads the reply.</summary>
public sealed class TemporalScalerWireTests
{
    [Fact]
    public async Task Read_Unversioned_SendsOneDescribeTaskQueuePerDefaultTypeAndSumsTheBacklog()
    {
        await using var server = await TemporalFrontendServer.StartAsync();
        server.Frontend.SetBacklog("orders", TaskQueueType.Activity, 7);
        server.Frontend.SetBacklog("orders", TaskQueueType.Workflow, 3);
        server.Frontend.SetBacklog("orders", TaskQueueType.Nexus, 1);
        await using var scaler = TemporalTriggers.Create(server);

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(11);
        reading.Target.ShouldBe(5);
        reading.IsActive.ShouldBeTrue();
        var calls = server.Frontend.Calls;
        calls.Select(c => c.Method).ShouldBe(["DescribeTaskQueue", "DescribeTaskQueue", "DescribeTaskQueue"]);
        var requests = calls.Select(c => (DescribeTaskQueueRequest)c.Request).ToArray();
        requests.Select(r => r.TaskQueueType).ShouldBe([TaskQueueType.Activity, TaskQueueType.Workflow, TaskQueueType.Nexus]);
        foreach (var request in requests)
        {
            request.Namespace.ShouldBe("default");
            request.TaskQueue.ShouldBe(new TaskQueue { Name = "orders", Kind = TaskQueueKind.Normal });
            request.ReportStats.ShouldBeTrue();
#pragma warning disable CS0612
            request.ApiMode.ShouldBe(DescribeTaskQueueMode.Unspecified);
            request.Versions.ShouldBeNull();
            request.TaskQueueTypes.ShouldBeEmpty();
#pragma warning restore CS0612
        }
        foreach (var call in calls)
        {
            call.Headers["temporal-namespace"].ShouldBe("default");
            call.Headers.ContainsKey("authorization").ShouldBeFalse();
        }
    }

    [Fact]
    public async Task Read_QueueTypesAndNamespace_QueriesOnlyThoseTypesInThatNamespace()
    {
        await using var server = await TemporalFrontendServer.StartAsync();
        server.Frontend.Namespaces["billing"] = true;
        server.Frontend.SetBacklog("orders", TaskQueueType.Activity, 7);
        server.Frontend.SetBacklog("orders", TaskQueueType.Workflow, 3);
        await using var scaler = TemporalTriggers.Create(server, "namespace=billing|queueTypes=workflow, workflow|targetQueueSize=2|activationTargetQueueSize=3");

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.ShouldBe(new Crema.Abstractions.MetricReading(3, 2, false));
        var call = server.Frontend.Calls.ShouldHaveSingleItem();
        ((DescribeTaskQueueRequest)call.Request).Namespace.ShouldBe("billing");
        ((DescribeTaskQueueRequest)call.Request).TaskQueueType.ShouldBe(TaskQueueType.Workflow);
        call.Headers["temporal-namespace"].ShouldBe("billing");
    }

    [Fact]
    public async Task Read_EmptyQueue_IsZeroAndInactive()
    {
        await using var server = await TemporalFrontendServer.StartAsync();
        server.Frontend.SetBacklog("orders", TaskQueueType.Workflow, 0);
        await using var scaler = TemporalTriggers.Create(server);

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(0);
        reading.IsActive.ShouldBeFalse();
    }

    [Fact]
    public async Task Read_BuildId_SendsOneEnhancedRequestWithTheSelectionAndSumsEveryVersionAndType()
    {
        await using var server = await TemporalFrontendServer.StartAsync();
        server.Frontend.SetBacklog("orders", TaskQueueType.Workflow, 4, buildId: "v1");
        server.Frontend.SetBacklog("orders", TaskQueueType.Activity, 6, buildId: "v1");
        server.Frontend.SetBacklog("orders", TaskQueueType.Workflow, 5, buildId: "");
        server.Frontend.SetBacklog("orders", TaskQueueType.Workflow, 100, buildId: "v0");
        await using var scaler = TemporalTriggers.Create(server, "buildId=v1|selectUnversioned=true|queueTypes=workflow,activity");

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(15);
        var request = (DescribeTaskQueueRequest)server.Frontend.Calls.ShouldHaveSingleItem().Request;
        request.Namespace.ShouldBe("default");
        request.TaskQueue.ShouldBe(new TaskQueue { Name = "orders" });
        request.ReportStats.ShouldBeTrue();
#pragma warning disable CS0612
        request.ApiMode.ShouldBe(DescribeTaskQueueMode.Enhanced);
        request.Versions.ShouldBe(new TaskQueueVersionSelection { BuildIds = { "v1" }, Unversioned = true, AllActive = false });
        request.TaskQueueTypes.ShouldBe([TaskQueueType.Workflow, TaskQueueType.Activity]);
        request.ReportPollers.ShouldBeFalse();
        request.ReportTaskReachability.ShouldBeFalse();
#pragma warning restore CS0612
        request.TaskQueueType.ShouldBe(TaskQueueType.Unspecified);
    }

    [Fact]
    public async Task Read_SelectAllActiveWithoutBuildId_SelectsTheEmptyBuildIdAsKedaDoes()
    {
        await using var server = await TemporalFrontendServer.StartAsync();
        server.Frontend.SetBacklog("orders", TaskQueueType.Workflow, 4, buildId: "v1");
        server.Frontend.SetBacklog("orders", TaskQueueType.Nexus, 2, buildId: "v2");
        await using var scaler = TemporalTriggers.Create(server, "selectAllActive=true");

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(6);
        var request = (DescribeTaskQueueRequest)server.Frontend.Calls.ShouldHaveSingleItem().Request;
#pragma warning disable CS0612
        request.Versions.ShouldBe(new TaskQueueVersionSelection { BuildIds = { "" }, AllActive = true });
        request.TaskQueueTypes.ShouldBe([TaskQueueType.Activity, TaskQueueType.Workflow, TaskQueueType.Nexus]);
#pragma warning restore CS0612
    }

    [Fact]
    public async Task Read_EnhancedReplyFromAnOldServer_FailsSayingEnhancedModeIsNotSupported()
    {
        await using var server = await TemporalFrontendServer.StartAsync();
        server.Frontend.DescribeTaskQueueOverride = (_, _) =>
            Task.FromResult(new DescribeTaskQueueResponse { Pollers = { new PollerInfo { Identity = "worker-1" } } });
        await using var scaler = TemporalTriggers.Create(server, "buildId=v1");

        var error = await Should.ThrowAsync<Exception>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.Message.ShouldBe(
            $"temporal at {server.Endpoint} (namespace \"default\", cleartext, as no credentials): DescribeTaskQueue ENHANCED (task queue \"orders\", buildId \"v1\"): " +
            "the server does not support DescribeTaskQueue in ENHANCED mode (Temporal Server 1.24 or newer is needed for buildId, selectAllActive and selectUnversioned)");
    }

    [Fact]
    public async Task Read_DeploymentVersion_AsksForThatVersionAndSumsItsTaskQueueByName()
    {
        await using var server = await TemporalFrontendServer.StartAsync();
        server.Frontend.DeploymentVersionReply = new DescribeWorkerDeploymentVersionResponse
        {
            VersionTaskQueues =
            {
                Queue("orders", TaskQueueType.Workflow, 10),
                Queue("orders", TaskQueueType.Activity, 20),
                Queue("orders", TaskQueueType.Nexus, 5),
                Queue("payments", TaskQueueType.Workflow, 100),
                new DescribeWorkerDeploymentVersionResponse.Types.VersionTaskQueue { Name = "orders", Type = TaskQueueType.Workflow },
            },
        };
        await using var scaler = TemporalTriggers.Create(server, "workerDeploymentName=orders-worker|workerDeploymentBuildId=v2.0.0");

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(35);
        var call = server.Frontend.Calls.ShouldHaveSingleItem();
        call.Method.ShouldBe("DescribeWorkerDeploymentVersion");
        call.Request.ShouldBe(new DescribeWorkerDeploymentVersionRequest
        {
            Namespace = "default",
            DeploymentVersion = new WorkerDeploymentVersion { DeploymentName = "orders-worker", BuildId = "v2.0.0" },
            ReportTaskQueueStats = true,
        });
        call.Headers["temporal-namespace"].ShouldBe("default");
    }

    [Fact]
    public async Task Read_DeploymentVersionWithQueueTypes_CountsOnlyThoseTypes()
    {
        await using var server = await TemporalFrontendServer.StartAsync();
        server.Frontend.DeploymentVersionReply = new DescribeWorkerDeploymentVersionResponse
        {
            VersionTaskQueues = { Queue("orders", TaskQueueType.Workflow, 10), Queue("orders", TaskQueueType.Activity, 20) },
        };
        await using var scaler = TemporalTriggers.Create(server, "workerDeploymentName=d|workerDeploymentBuildId=v1|queueTypes=activity");

        (await scaler.ReadAsync(CancellationToken.None)).Value.ShouldBe(20);
    }

    [Fact]
    public async Task Read_ApiKey_SentAsBearerAuthorizationOnEveryCall()
    {
        await using var server = await TemporalFrontendServer.StartAsync();
        server.Frontend.SetBacklog("orders", TaskQueueType.Workflow, 9);
        // An API key turns TLS on (TemporalTlsTests checks it over TLS); here the same header over cleartext.
        var metadata = TemporalTriggers.Bind($"endpoint={server.Endpoint}|queueTypes=workflow", auth: "apiKey=tc-secret-123").Metadata with { Tls = null };
        await using var scaler = new TemporalScaler(metadata, TemporalConnection.Open(metadata), TimeProvider.System);
        server.Frontend.RequiredApiKey = "tc-secret-123";

        (await scaler.ReadAsync(CancellationToken.None)).Value.ShouldBe(9);

        server.Frontend.Calls.ShouldHaveSingleItem().Headers["authorization"].ShouldBe("Bearer tc-secret-123");
    }

    private static DescribeWorkerDeploymentVersionResponse.Types.VersionTaskQueue Queue(string name, TaskQueueType type, long backlog) =>
        new() { Name = name, Type = type, Stats = new TaskQueueStats { ApproximateBacklogCount = backlog } };
}
