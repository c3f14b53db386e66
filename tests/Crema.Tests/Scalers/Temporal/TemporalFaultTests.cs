using Crema.Scalers.Temporal;
using Crema.Tests.Support;
using Grpc.Core;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.WorkflowService.V1;

namespace Crema.Tests.Scalers.Temporal;

/// <summary>Failures a Temporal frontend can cause: each read throws (never a 0) with a message naming the server and the identity, never a secret.</summary>
public sealed class TemporalFaultTests
{
    [Fact]
    public async Task Read_ServerDown_ThrowsUnavailableNamingTheEndpoint()
    {
        var port = FreeTcpPort.Next();
        await using var scaler = TemporalTriggers.Factory.Create(TemporalTriggers.Context($"endpoint=127.0.0.1:{port}"));

        var error = await Should.ThrowAsync<TemporalReadException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.StatusCode.ShouldBe(StatusCode.Unavailable);
        error.Message.ShouldStartWith(
            $"temporal at 127.0.0.1:{port} (namespace \"default\", cleartext, as no credentials): DescribeTaskQueue (task queue \"orders\", type activity): UNAVAILABLE");
        error.Message.ShouldContain("Connection refused");
    }

    [Fact]
    public async Task Read_UnknownNamespace_ThrowsNotFoundWithTheServersMessage()
    {
        await using var server = await TemporalFrontendServer.StartAsync();
        server.Frontend.SetBacklog("orders", TaskQueueType.Workflow, 3);
        await using var scaler = TemporalTriggers.Create(server, "namespace=nope");

        var error = await Should.ThrowAsync<TemporalReadException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.StatusCode.ShouldBe(StatusCode.NotFound);
        error.Message.ShouldBe(
            $"temporal at {server.Endpoint} (namespace \"nope\", cleartext, as no credentials): DescribeTaskQueue (task queue \"orders\", type activity): NOT_FOUND: Namespace nope is not found.");
    }

    [Fact]
    public async Task Read_UnknownTaskQueue_ThrowsNotFound()
    {
        await using var server = await TemporalFrontendServer.StartAsync();
        server.Frontend.SetBacklog("payments", TaskQueueType.Workflow, 3);
        await using var scaler = TemporalTriggers.Create(server, "queueTypes=workflow");

        var error = await Should.ThrowAsync<TemporalReadException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.Message.ShouldEndWith("DescribeTaskQueue (task queue \"orders\", type workflow): NOT_FOUND: task queue \"orders\" not found");
    }

    [Fact]
    public async Task Read_ServerError_ThrowsAndIsNeverReadAsZero()
    {
        await using var server = await TemporalFrontendServer.StartAsync();
        server.Frontend.DescribeTaskQueueOverride = (_, _) => throw new RpcException(new Status(StatusCode.Internal, "persistence\nunavailable"));
        await using var scaler = TemporalTriggers.Create(server, "queueTypes=workflow");

        var error = await Should.ThrowAsync<TemporalReadException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        // The server's text is made one line: it cannot forge a log line.
        error.Message.ShouldEndWith(": INTERNAL: persistence unavailable");
    }

    [Fact]
    public async Task Read_NoReplyWithinTheDeadline_ThrowsDeadlineExceededOnTheInjectedClock()
    {
        await using var server = await TemporalFrontendServer.StartAsync();
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Frontend.DescribeTaskQueueOverride = async (_, context) =>
        {
            received.TrySetResult();
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
            return new DescribeTaskQueueResponse();
        };
        var time = new FakeTimeProvider();
        await using var scaler = TemporalTriggers.Create(server, "queueTypes=workflow", time: time);

        var read = scaler.ReadAsync(CancellationToken.None).AsTask();
        await received.Task.WaitAsync(TimeSpan.FromSeconds(30));
        read.IsCompleted.ShouldBeFalse();
        time.Advance(TemporalScaler.DefaultCallDeadline);
        var error = await Should.ThrowAsync<TemporalReadException>(() => read.WaitAsync(TimeSpan.FromSeconds(30)));

        error.StatusCode.ShouldBe(StatusCode.DeadlineExceeded);
        error.Message.ShouldEndWith("DescribeTaskQueue (task queue \"orders\", type workflow): DEADLINE_EXCEEDED: no reply within 10 s");
    }

    [Fact]
    public async Task Read_CallerCancels_ThrowsOperationCanceled()
    {
        await using var server = await TemporalFrontendServer.StartAsync();
        server.Frontend.DescribeTaskQueueOverride = async (_, context) =>
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
            return new DescribeTaskQueueResponse();
        };
        await using var scaler = TemporalTriggers.Create(server, "queueTypes=workflow");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Should.ThrowAsync<OperationCanceledException>(() => scaler.ReadAsync(cancel.Token).AsTask());
    }
}
