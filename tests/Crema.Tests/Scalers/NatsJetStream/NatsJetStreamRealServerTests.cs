using System.Globalization;
using Crema.Abstractions;
using Crema.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Crema.Tests.Scalers.NatsJetStream;

/// <summary>The scaler against a real nats-server 2.9 with JetStream: the lag, activation, and what goes wrong.</summary>
public sealed class NatsJetStreamRealServerTests(NatsServerFixture fixture) : IClassFixture<NatsServerFixture>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private IScaler Scaler(string stream, string extra = "", string? endpoint = null) =>
        NatsJetStreamTriggers.Scaler(endpoint ?? fixture.Server.MonitoringEndpoint, new FakeTimeProvider(), $"stream={stream}|consumer=worker|{extra}");

    [Fact]
    public async Task Read_PendingAndUnacknowledged_IsTheirSum()
    {
        var stream = await fixture.NewStreamAsync();
        await using (var client = await fixture.Server.ConnectAsync())
        {
            await client.PublishAsync(stream + ".jobs", 7);
            await client.FetchAndAckAsync(stream, "worker", 2);
            await client.FetchWithoutAckAsync(stream, "worker", 3);
        }
        await using var scaler = Scaler(stream, "lagThreshold=2");

        var reading = await scaler.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Bound);

        reading.Value.ShouldBe(5); // 2 never delivered + 3 delivered and not acknowledged; the 2 acknowledged are done
        reading.Target.ShouldBe(2);
        reading.IsActive.ShouldBeTrue();
        reading.Details!["api_requests"].ShouldBe(1); // a standalone server: no /varz, no leader search
    }

    [Fact]
    public async Task Read_EveryMessageAcknowledged_IsZeroAndInactive()
    {
        var stream = await fixture.NewStreamAsync();
        await using (var client = await fixture.Server.ConnectAsync())
        {
            await client.PublishAsync(stream + ".jobs", 3);
            await client.FetchAndAckAsync(stream, "worker", 3);
        }
        await using var scaler = Scaler(stream);

        var reading = await scaler.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Bound);

        reading.Value.ShouldBe(0);
        reading.IsActive.ShouldBeFalse();
    }

    [Theory]
    [InlineData(4, true)]
    [InlineData(5, false)]
    public async Task Read_ActivationLagThreshold_ActiveOnlyAboveIt(int activation, bool active)
    {
        var stream = await fixture.NewStreamAsync();
        await using (var client = await fixture.Server.ConnectAsync())
        {
            await client.PublishAsync(stream + ".jobs", 5);
        }
        await using var scaler = Scaler(stream, $"activationLagThreshold={activation.ToString(CultureInfo.InvariantCulture)}");

        var reading = await scaler.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Bound);

        reading.Value.ShouldBe(5);
        reading.IsActive.ShouldBe(active);
    }

    [Fact]
    public async Task Read_StreamDeletedAfterAGoodRead_FailsAndReportsNoStaleLag()
    {
        var stream = await fixture.NewStreamAsync();
        await using var scaler = Scaler(stream);
        (await scaler.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Bound)).Value.ShouldBe(0);
        await using (var client = await fixture.Server.ConnectAsync())
        {
            await client.DeleteStreamAsync(stream);
        }

        var error = await Should.ThrowAsync<Exception>(() => scaler.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Bound));

        error.Message.ShouldBe($"nats-jetstream at {fixture.Server.MonitoringEndpoint}: stream \"{stream}\" not found in account \"$G\"");
    }

    [Fact]
    public async Task Read_ConsumerMissing_FailsNamingConsumerAndStream()
    {
        var stream = await fixture.NewStreamAsync();
        await using (var client = await fixture.Server.ConnectAsync())
        {
            await client.DeleteConsumerAsync(stream, "worker");
        }
        await using var scaler = Scaler(stream);

        var error = await Should.ThrowAsync<Exception>(() => scaler.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Bound));

        error.Message.ShouldBe($"nats-jetstream at {fixture.Server.MonitoringEndpoint}: consumer \"worker\" not found in stream \"{stream}\"");
    }

    [Fact]
    public async Task Read_AccountNotOnTheServer_FailsAsStreamNotFound()
    {
        var stream = await fixture.NewStreamAsync();
        await using var scaler = Scaler(stream, "account=ORDERS");

        var error = await Should.ThrowAsync<Exception>(() => scaler.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Bound));

        error.Message.ShouldBe($"nats-jetstream at {fixture.Server.MonitoringEndpoint}: stream \"{stream}\" not found in account \"ORDERS\"");
    }

    [Fact]
    public async Task Read_ServerDown_FailsAtOnceWithoutWaitingForTheTimeout()
    {
        var endpoint = $"127.0.0.1:{FreeTcpPort.Next().ToString(CultureInfo.InvariantCulture)}";
        await using var scaler = Scaler("mystream", endpoint: endpoint);

        // The fake clock never advances, so only a refused connection can end this read.
        var error = await Should.ThrowAsync<Exception>(() => scaler.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Bound));

        error.Message.ShouldStartWith($"nats-jetstream at {endpoint}: nats-jetstream monitoring request failed: Connection refused");
        error.Message.ShouldEndWith("(is it the monitoring port, started with -m/http_port?)");
    }

    [Fact]
    public async Task Read_ClientPortInsteadOfMonitoringPort_FailsWithTheHint()
    {
        var endpoint = $"127.0.0.1:{fixture.Server.ClientPort.ToString(CultureInfo.InvariantCulture)}";
        await using var scaler = Scaler("mystream", endpoint: endpoint);

        var error = await Should.ThrowAsync<Exception>(() => scaler.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Bound));

        error.Message.ShouldStartWith($"nats-jetstream at {endpoint}: nats-jetstream monitoring request failed");
        error.Message.ShouldEndWith("(is it the monitoring port, started with -m/http_port?)");
    }

    [Fact]
    public async Task Read_UseHttpsAgainstThePlainHttpPort_FailsOnTheTlsHandshake()
    {
        var stream = await fixture.NewStreamAsync();
        await using var scaler = Scaler(stream, "useHttps=true");

        var error = await Should.ThrowAsync<Exception>(() => scaler.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Bound));

        error.Message.ShouldStartWith($"nats-jetstream at {fixture.Server.MonitoringEndpoint}: nats-jetstream monitoring request failed: The SSL connection could not be established");
    }
}
