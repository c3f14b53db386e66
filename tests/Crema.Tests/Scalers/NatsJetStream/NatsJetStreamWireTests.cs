using Crema.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace Crema.Tests.Scalers.NatsJetStream;

/// <summary>What the scaler sends and how it reads replies, against a loopback stand-in serving captured replies.</summary>
public sealed class NatsJetStreamWireTests
{
    private static string Endpoint(HttpStub stub) => new Uri(stub.BaseAddress).Authority;

    [Fact]
    public async Task Read_Standalone_SendsKedasJszRequestOnly()
    {
        await using var stub = await HttpStub.StartAsync(200, NatsCaptures.Text("standalone-jsz"));
        await using var scaler = NatsJetStreamTriggers.Scaler(Endpoint(stub), new FakeTimeProvider());

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(5);
        var request = stub.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe("GET");
        request.Path.ShouldBe("/jsz");
        request.QueryString.ShouldBe("?acc=%24G&config=true&consumers=true");
    }

    // KEDA's TestNATSJetStreamgetNATSJetstreamMonitoringData.
    [Fact]
    public async Task Read_InvalidJson_FailsNamingTheEndpoint()
    {
        await using var stub = await HttpStub.StartAsync(200, "{invalidJSON}");
        await using var scaler = NatsJetStreamTriggers.Scaler(Endpoint(stub), new FakeTimeProvider());

        var error = await Should.ThrowAsync<Exception>(async () => await scaler.ReadAsync(CancellationToken.None));

        error.Message.ShouldBe($"nats-jetstream at {Endpoint(stub)}: the /jsz reply is not valid JSON");
    }

    [Fact]
    public async Task Read_HttpError_FailsWithTheStatus()
    {
        await using var stub = await HttpStub.StartAsync(503, """{"error":"jetstream not enabled"}""");
        await using var scaler = NatsJetStreamTriggers.Scaler(Endpoint(stub), new FakeTimeProvider());

        var error = await Should.ThrowAsync<Exception>(async () => await scaler.ReadAsync(CancellationToken.None));

        error.Message.ShouldStartWith($"nats-jetstream at {Endpoint(stub)}: nats-jetstream monitoring request failed: HTTP 503 Service Unavailable");
    }

    [Fact]
    public async Task Read_ServerSilent_TimesOutAfterThreeSecondsOnTheInjectedClock()
    {
        var received = new TaskCompletionSource();
        await using var stub = await HttpStub.StartAsync(async context =>
        {
            received.TrySetResult();
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        });
        var time = new FakeTimeProvider();
        await using var scaler = NatsJetStreamTriggers.Scaler(Endpoint(stub), time);

        var read = scaler.ReadAsync(CancellationToken.None).AsTask();
        await received.Task.WaitAsync(TimeSpan.FromSeconds(20));
        time.Advance(TimeSpan.FromMilliseconds(2999));
        read.IsCompleted.ShouldBeFalse();
        time.Advance(TimeSpan.FromMilliseconds(1));

        var error = await Should.ThrowAsync<Exception>(() => read.WaitAsync(TimeSpan.FromSeconds(20)));
        error.Message.ShouldBe($"nats-jetstream at {Endpoint(stub)}: nats-jetstream monitoring request timed out after 3000ms (is it the monitoring port, started with -m/http_port?)");
    }

    // KEDA's "Fail - Unresolvable nats endpoint from config".
    [Fact]
    public async Task Read_UnresolvableEndpoint_Fails()
    {
        await using var scaler = NatsJetStreamTriggers.Scaler("asdf32423fdsafdasdf.invalid:8222", new FakeTimeProvider());

        var error = await Should.ThrowAsync<Exception>(async () => await scaler.ReadAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(20)));

        error.Message.ShouldStartWith("nats-jetstream at asdf32423fdsafdasdf.invalid:8222: nats-jetstream monitoring request failed");
    }

    [Fact]
    public async Task Read_RedirectToAnotherHost_IsRefused()
    {
        await using var stub = await HttpStub.StartAsync(context =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = "http://elsewhere.example:8222/jsz";
            return Task.CompletedTask;
        });
        await using var scaler = NatsJetStreamTriggers.Scaler(Endpoint(stub), new FakeTimeProvider());

        var error = await Should.ThrowAsync<Exception>(async () => await scaler.ReadAsync(CancellationToken.None));

        error.Message.ShouldContain("redirected to another host (elsewhere.example:8222)");
    }

    [Fact]
    public async Task Read_UseHttps_AsksOverHttps()
    {
        await using var stub = await HttpStub.StartAsync(200, NatsCaptures.Text("standalone-jsz"));
        await using var scaler = NatsJetStreamTriggers.Scaler(Endpoint(stub), new FakeTimeProvider(), "useHttps=true");

        var error = await Should.ThrowAsync<Exception>(async () => await scaler.ReadAsync(CancellationToken.None));

        // The stand-in speaks plain HTTP: the https request fails in the handshake and nothing is read.
        error.Message.ShouldContain("SSL connection could not be established");
        stub.Requests.ShouldBeEmpty();
    }
}
