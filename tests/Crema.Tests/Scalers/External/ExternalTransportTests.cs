using Crema.Abstractions;
using Crema.Scalers.External;
using Crema.Scalers.External.Protocol;
using Crema.Tests.Support;
using Grpc.Core;

namespace Crema.Tests.Scalers.External;

/// <summary>The gRPC transport of the external scalers (Grpc.Net.Client) against a real grpcio server: deadlines, message size, compression, shared channels.</summary>
public sealed class ExternalTransportTests
{
    private const int MiB = 1024 * 1024;
    private static readonly ExternalScalerFactory Factory = new();

    [Fact]
    public async Task IsActiveAsync_DeadlinePassesOnTheInjectedClock_ThrowsDeadlineExceeded()
    {
        await using var server = await ExternalScalerServer.StartAsync();
        await server.SetDelayAsync(TimeSpan.FromSeconds(60));
        var time = new FakeTimeProvider();
        using var client = ExternalTestContexts.CreateClient(server.Address, time);

        var call = client.IsActiveAsync(new ScaledObjectRef { Name = "x" }, TimeSpan.FromSeconds(10), CancellationToken.None);
        await WaitForCallAsync(server, "IsActive");
        call.IsCompleted.ShouldBeFalse("the server is still waiting and the fake clock has not moved");
        time.Advance(TimeSpan.FromSeconds(10));

        var error = await Should.ThrowAsync<ExternalScalerCallException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
        error.StatusCode.ShouldBe(StatusCode.DeadlineExceeded);
        error.Message.ShouldBe("/externalscaler.ExternalScaler/IsActive: DEADLINE_EXCEEDED: no reply within 10000 ms");
    }

    [Fact]
    public async Task IsActiveAsync_CallerCancels_ThrowsOperationCanceled()
    {
        await using var server = await ExternalScalerServer.StartAsync();
        await server.SetDelayAsync(TimeSpan.FromSeconds(60));
        using var client = ExternalTestContexts.CreateClient(server.Address, TimeProvider.System);
        using var cancel = new CancellationTokenSource();

        var call = client.IsActiveAsync(new ScaledObjectRef { Name = "x" }, TimeSpan.FromSeconds(30), cancel.Token);
        await WaitForCallAsync(server, "IsActive");
        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task ReadAsync_ResponseOverFourMiB_ThrowsResourceExhaustedNamingTheLimit()
    {
        await using var server = await ExternalScalerServer.StartAsync();
        await server.AddBigMetricSpecAsync(5 * MiB);
        await using var scaler = Factory.Create(ExternalTestContexts.Create(new() { ["scalerAddress"] = server.Address }));

        var error = await Should.ThrowAsync<ExternalScalerCallException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.StatusCode.ShouldBe(StatusCode.ResourceExhausted);
        error.Message.ShouldBe(
            "/externalscaler.ExternalScaler/GetMetricSpec: RESOURCE_EXHAUSTED: the response message is larger than the 4 MiB Crema accepts from an external scaler");
    }

    [Fact]
    public async Task ReadAsync_GzippedResponseOverFourMiBOnceDecompressed_ThrowsResourceExhausted()
    {
        // About 5 KB on the wire: the limit applies to the decompressed message, so no gzip bomb gets through.
        await using var server = await ExternalScalerServer.StartAsync();
        await server.SetCompressionAsync(true);
        await server.AddBigMetricSpecAsync(5 * MiB);
        await using var scaler = Factory.Create(ExternalTestContexts.Create(new() { ["scalerAddress"] = server.Address }));

        var error = await Should.ThrowAsync<ExternalScalerCallException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.StatusCode.ShouldBe(StatusCode.ResourceExhausted);
    }

    [Fact]
    public async Task ReadAsync_ResponseUnderFourMiB_Reads()
    {
        await using var server = await ExternalScalerServer.StartAsync();
        await server.AddBigMetricSpecAsync(3 * MiB);
        await server.SetMetricAsync("queue", 25);
        await using var scaler = Factory.Create(ExternalTestContexts.Create(new() { ["scalerAddress"] = server.Address }));

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(25);
        reading.Target.ShouldBe(10);
        (await server.CallCountAsync("GetMetrics")).ShouldBe(2);
    }

    [Fact]
    public async Task ReadAsync_ServerGzipsResponses_Reads()
    {
        await using var server = await ExternalScalerServer.StartAsync();
        await server.SetCompressionAsync(true);
        await server.SetMetricAsync("queue", 42.5);
        await server.SetActiveAsync(true);
        await using var scaler = Factory.Create(ExternalTestContexts.Create(new() { ["scalerAddress"] = server.Address }));

        (await scaler.ReadAsync(CancellationToken.None)).ShouldBe(new MetricReading(42.5, 10, true));
    }

    [Fact]
    public async Task DisposeAsync_LastScalerOnAChannel_ClosesItAndTheNextScalerConnectsAnew()
    {
        await using var server = await ExternalScalerServer.StartAsync();
        var services = new DefaultScalerServices();
        var first = Factory.Create(ExternalTestContexts.Create(new() { ["scalerAddress"] = server.Address }, services: services, scaledObjectName: "a"));
        var second = Factory.Create(ExternalTestContexts.Create(new() { ["scalerAddress"] = server.Address }, services: services, scaledObjectName: "b"));
        ExternalChannelPool.OpenChannels(services).ShouldBe(1);
        await first.ReadAsync(CancellationToken.None);

        await first.DisposeAsync();
        await second.ReadAsync(CancellationToken.None);
        (await server.PeerCountAsync()).ShouldBe(1, "the second scaler still uses the shared connection");
        await second.DisposeAsync();
        ExternalChannelPool.OpenChannels(services).ShouldBe(0);
        await using var third = Factory.Create(ExternalTestContexts.Create(new() { ["scalerAddress"] = server.Address }, services: services));
        await third.ReadAsync(CancellationToken.None);

        (await server.PeerCountAsync()).ShouldBe(2, "the last user closed the channel, so a new connection was made");
    }

    [Fact]
    public async Task Create_SameAddressWithOtherTlsSettings_UsesAnotherChannel()
    {
        var services = new DefaultScalerServices();
        var address = $"127.0.0.1:{FreeTcpPort.Next()}";
        await using var unsafeTls = Factory.Create(ExternalTestContexts.Create(
            new() { ["scalerAddress"] = address, ["enableTLS"] = "true", ["unsafeSsl"] = "true" }, services: services));
        await using var verifiedTls = Factory.Create(ExternalTestContexts.Create(
            new() { ["scalerAddress"] = address, ["enableTLS"] = "true" }, services: services));
        await using var verifiedTlsAgain = Factory.Create(ExternalTestContexts.Create(
            new() { ["scalerAddress"] = address, ["enableTLS"] = "true", ["queueName"] = "other" }, services: services));
        await using var cleartext = Factory.Create(ExternalTestContexts.Create(new() { ["scalerAddress"] = address }, services: services));

        ExternalChannelPool.OpenChannels(services).ShouldBe(3);
    }

    private static async Task WaitForCallAsync(ExternalScalerServer server, string method)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (await server.CallCountAsync(method) == 0)
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
