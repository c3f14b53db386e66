using System.Collections.Concurrent;
using Grpc.Core;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.TaskQueue.V1;
using Temporalio.Api.WorkflowService.V1;

namespace Crema.Tests.Scalers.Temporal;

/// <summary>
/// A Temporal frontend for tests: serves DescribeTaskQueue (default and ENHANCED modes) and
/// DescribeWorkerDeploymentVersion from a table of backlogs, answers as the server does for an unknown
/// namespace or task queue (NOT_FOUND) and a bad API key (UNAUTHENTICATED), and records every call.
/// </summary>
internal sealed class FakeTemporalFrontend : FakeTemporalServiceBase
{
    private readonly ConcurrentDictionary<(string TaskQueue, TaskQueueType Type, string BuildId), long> backlogs = new();
    private readonly ConcurrentQueue<FakeTemporalCall> calls = new();

    /// <summary>Namespaces that exist. Default "default".</summary>
    public ConcurrentDictionary<string, bool> Namespaces { get; } = new(new Dictionary<string, bool> { ["default"] = true });

    /// <summary>When set, the API key every call must carry as <c>authorization: Bearer</c>.</summary>
    public string? RequiredApiKey { get; set; }

    /// <summary>When set, replaces the reply of DescribeTaskQueue (faults, odd replies).</summary>
    public Func<DescribeTaskQueueRequest, ServerCallContext, Task<DescribeTaskQueueResponse>>? DescribeTaskQueueOverride { get; set; }

    /// <summary>The reply DescribeWorkerDeploymentVersion gives for any existing version. Default empty.</summary>
    public DescribeWorkerDeploymentVersionResponse DeploymentVersionReply { get; set; } = new();

    public IReadOnlyList<FakeTemporalCall> Calls => calls.ToArray();

    /// <summary>Sets the backlog of one task queue type (for a Build ID in ENHANCED mode; "" is unversioned).</summary>
    public void SetBacklog(string taskQueue, TaskQueueType type, long count, string buildId = "") => backlogs[(taskQueue, type, buildId)] = count;

    public override Task<DescribeTaskQueueResponse> DescribeTaskQueue(DescribeTaskQueueRequest request, ServerCallContext context)
    {
        Record(nameof(DescribeTaskQueue), request, context);
        Authorize(context);
        if (DescribeTaskQueueOverride is { } replace)
        {
            return replace(request, context);
        }
        RequireNamespace(request.Namespace);
        if (!backlogs.Keys.Any(k => k.TaskQueue == request.TaskQueue.Name))
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"task queue \"{request.TaskQueue.Name}\" not found"));
        }
#pragma warning disable CS0612 // the ENHANCED mode is deprecated; the scaler uses it as KEDA does
        if (request.ApiMode != DescribeTaskQueueMode.Enhanced)
        {
            var type = request.TaskQueueType == TaskQueueType.Unspecified ? TaskQueueType.Workflow : request.TaskQueueType;
            var count = backlogs.GetValueOrDefault((request.TaskQueue.Name, type, ""));
            return Task.FromResult(new DescribeTaskQueueResponse { Stats = request.ReportStats ? new TaskQueueStats { ApproximateBacklogCount = count } : null });
        }
        var reply = new DescribeTaskQueueResponse();
        var buildIds = backlogs.Keys.Where(k => k.TaskQueue == request.TaskQueue.Name).Select(k => k.BuildId).Distinct()
            .Where(id => request.Versions.AllActive || request.Versions.BuildIds.Contains(id) || (id.Length == 0 && request.Versions.Unversioned));
        foreach (var buildId in buildIds)
        {
            var version = new TaskQueueVersionInfo();
            foreach (var type in request.TaskQueueTypes)
            {
                version.TypesInfo[(int)type] = new TaskQueueTypeInfo
                {
                    Stats = new TaskQueueStats { ApproximateBacklogCount = backlogs.GetValueOrDefault((request.TaskQueue.Name, type, buildId)) },
                };
            }
            reply.VersionsInfo[buildId] = version;
        }
#pragma warning restore CS0612
        return Task.FromResult(reply);
    }

    public override Task<DescribeWorkerDeploymentVersionResponse> DescribeWorkerDeploymentVersion(DescribeWorkerDeploymentVersionRequest request, ServerCallContext context)
    {
        Record(nameof(DescribeWorkerDeploymentVersion), request, context);
        Authorize(context);
        RequireNamespace(request.Namespace);
        return Task.FromResult(DeploymentVersionReply);
    }

    private void Record(string method, global::Google.Protobuf.IMessage request, ServerCallContext context) =>
        calls.Enqueue(new FakeTemporalCall(
            method,
            request,
            context.RequestHeaders.Where(h => !h.IsBinary).GroupBy(h => h.Key).ToDictionary(g => g.Key, g => string.Join(",", g.Select(h => h.Value))),
            context.Host));

    private void Authorize(ServerCallContext context)
    {
        if (RequiredApiKey is null)
        {
            return;
        }
        var presented = context.RequestHeaders.GetValue("authorization");
        if (presented != "Bearer " + RequiredApiKey)
        {
            // Echo what was presented, as some proxies do, so tests prove the scaler redacts it.
            throw new RpcException(new Status(StatusCode.Unauthenticated, $"Request unauthorized: credentials {presented ?? "none"} rejected"));
        }
    }

    private void RequireNamespace(string ns)
    {
        if (!Namespaces.ContainsKey(ns))
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"Namespace {ns} is not found."));
        }
    }
}
