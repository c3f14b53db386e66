using System.Diagnostics;
using Crema.Abstractions;
using Crema.Scalers.External;
using Crema.Scalers.External.Protocol;
using Crema.Tests.Support;
using Grpc.Core;

namespace Crema.Tests.Scalers.External;

/// <summary>The <c>external</c> trigger against a real gRPC server (Python grpcio).</summary>
public sealed class ExternalScalerInteropTests
{
    private static readonly ExternalScalerFactory Factory = new();

    [Fact]
    public async Task ReadAsync_ServerReportsMetric_ReturnsValueTargetAndActivity()
    {
        await using var server = await ExternalScalerServer.StartAsync();
        await server.SetMetricAsync("queue", 42.5);
        await server.SetActiveAsync(true);
        await using var scaler = Factory.Create(ExternalTestContexts.Create(new() { ["scalerAddress"] = server.Address }));

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.ShouldBe(new MetricReading(42.5, 10, true));
        (await server.CallCountAsync("GetMetricSpec")).ShouldBe(1);
        (await server.CallCountAsync("GetMetrics")).ShouldBe(1);
        (await server.CallCountAsync("IsActive")).ShouldBe(1);
    }

    [Fact]
    public async Task ReadAsync_OnlyDeprecatedIntegerFields_UsesThem()
    {
        await using var server = await ExternalScalerServer.StartAsync();
        await server.SetMetricSpecAsync("queue", targetSizeFloat: 0, targetSize: 5);
        await server.SetMetricAsync("queue", value: 0, integerValue: 7);
        await using var scaler = Factory.Create(ExternalTestContexts.Create(new() { ["scalerAddress"] = server.Address }));

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.ShouldBe(new MetricReading(7, 5, false));
    }

    [Fact]
    public async Task ReadAsync_Always_SendsNameAndForwardsMetadataWithFromEnvResolved()
    {
        await using var server = await ExternalScalerServer.StartAsync();
        await using var scaler = Factory.Create(ExternalTestContexts.Create(
            new() { ["scalerAddress"] = server.Address, ["queueName"] = "jobs", ["tokenFromEnv"] = "TOKEN" },
            environment: name => name == "TOKEN" ? "from-env" : null,
            scaledObjectName: "orders-worker"));

        await scaler.ReadAsync(CancellationToken.None);

        var request = await server.LastRequestAsync("GetMetrics");
        request.GetProperty("metricName").GetString().ShouldBe("queue");
        var reference = request.GetProperty("scaledObjectRef");
        reference.GetProperty("name").GetString().ShouldBe("orders-worker");
        reference.GetProperty("namespace").GetString().ShouldBe(string.Empty);
        var metadata = reference.GetProperty("scalerMetadata");
        metadata.GetProperty("queueName").GetString().ShouldBe("jobs");
        metadata.GetProperty("tokenFromEnv").GetString().ShouldBe("from-env");
        metadata.GetProperty("scalerAddress").GetString().ShouldBe(server.Address);
        (await server.LastRequestAsync("IsActive")).GetProperty("scalerMetadata").GetProperty("queueName").GetString().ShouldBe("jobs");
    }

    [Fact]
    public async Task ReadAsync_SeveralMetricSpecs_ReturnsTheOneAskingMostReplicas()
    {
        await using var server = await ExternalScalerServer.StartAsync();
        await server.SetMetricSpecAsync("queue", 10);
        await server.SetMetricAsync("queue", 30);
        await server.SetMetricSpecAsync("age", 60);
        await server.SetMetricAsync("age", 300);
        await using var scaler = Factory.Create(ExternalTestContexts.Create(new() { ["scalerAddress"] = server.Address }));

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(300);
        reading.Target.ShouldBe(60);
        reading.Note.ShouldNotBeNull().ShouldContain("\"age\"");
    }

    [Fact]
    public async Task ReadAsync_NoMetricSpecs_Throws()
    {
        await using var server = await ExternalScalerServer.StartAsync();
        await server.ClearMetricSpecsAsync();
        await using var scaler = Factory.Create(ExternalTestContexts.Create(new() { ["scalerAddress"] = server.Address }));

        var error = await Should.ThrowAsync<InvalidOperationException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.Message.ShouldContain("no metric specs");
    }

    [Fact]
    public async Task ReadAsync_ServerAnswersErrorStatus_ThrowsWithCodeAndDecodedMessage()
    {
        await using var server = await ExternalScalerServer.StartAsync();
        await server.FailAsync("GetMetrics", "INVALID_ARGUMENT", "queue 'jobs' 100% unknown é");
        await using var scaler = Factory.Create(ExternalTestContexts.Create(new() { ["scalerAddress"] = server.Address }));

        var error = await Should.ThrowAsync<ExternalScalerCallException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        error.Detail.ShouldBe("queue 'jobs' 100% unknown é");
        error.Message.ShouldBe("/externalscaler.ExternalScaler/GetMetrics: INVALID_ARGUMENT: queue 'jobs' 100% unknown é");
    }

    [Fact]
    public async Task ReadAsync_IsActiveUnimplementedAfterRecovery_ReadsAgainOnceCleared()
    {
        await using var server = await ExternalScalerServer.StartAsync();
        await server.FailAsync("IsActive", "UNIMPLEMENTED", "not here");
        await using var scaler = Factory.Create(ExternalTestContexts.Create(new() { ["scalerAddress"] = server.Address }));
        (await Should.ThrowAsync<ExternalScalerCallException>(() => scaler.ReadAsync(CancellationToken.None).AsTask()))
            .StatusCode.ShouldBe(StatusCode.Unimplemented);

        await server.FailAsync("IsActive", "OK");
        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Target.ShouldBe(10);
    }

    [Fact]
    public async Task IsActiveAsync_ServerSlowerThanDeadline_ThrowsDeadlineExceededPromptly()
    {
        await using var server = await ExternalScalerServer.StartAsync();
        await server.SetDelayAsync(TimeSpan.FromSeconds(20));
        using var client = ExternalTestContexts.CreateClient(server.Address, TimeProvider.System);
        var clock = Stopwatch.StartNew();

        var error = await Should.ThrowAsync<ExternalScalerCallException>(() => client.IsActiveAsync(
            new ScaledObjectRef { Name = "x" }, TimeSpan.FromMilliseconds(300), CancellationToken.None));

        error.StatusCode.ShouldBe(StatusCode.DeadlineExceeded);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task ReadAsync_ServerIsNotAnExternalScaler_ThrowsUnimplemented()
    {
        await using var server = await ExternalScalerServer.StartAsync(withoutService: true);
        await using var scaler = Factory.Create(ExternalTestContexts.Create(new() { ["scalerAddress"] = server.Address }));

        var error = await Should.ThrowAsync<ExternalScalerCallException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.StatusCode.ShouldBe(StatusCode.Unimplemented);
        error.Method.ShouldBe("/externalscaler.ExternalScaler/GetMetricSpec");
    }

    [Fact]
    public async Task ReadAsync_NothingListening_ThrowsUnavailable()
    {
        await using var scaler = Factory.Create(ExternalTestContexts.Create(new() { ["scalerAddress"] = $"127.0.0.1:{FreeTcpPort.Next()}" }));

        var error = await Should.ThrowAsync<ExternalScalerCallException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.StatusCode.ShouldBe(StatusCode.Unavailable);
    }

    [Fact]
    public async Task ReadAsync_TwoScaledObjectsOnOneAddress_ShareOneConnection()
    {
        await using var server = await ExternalScalerServer.StartAsync();
        var services = new DefaultScalerServices();
        await using var first = Factory.Create(ExternalTestContexts.Create(
            new() { ["scalerAddress"] = server.Address }, services: services, scaledObjectName: "a"));
        await using var second = Factory.Create(ExternalTestContexts.Create(
            new() { ["scalerAddress"] = server.Address, ["queueName"] = "other" }, services: services, scaledObjectName: "b"));

        await first.ReadAsync(CancellationToken.None);
        await Task.WhenAll(first.ReadAsync(CancellationToken.None).AsTask(), second.ReadAsync(CancellationToken.None).AsTask());

        (await server.CallCountAsync("GetMetrics")).ShouldBe(3);
        (await server.PeerCountAsync()).ShouldBe(1);
    }
}
