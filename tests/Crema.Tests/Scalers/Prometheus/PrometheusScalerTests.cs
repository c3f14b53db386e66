using Crema.Scalers.Http;
using System.Text;
using Crema.Abstractions;
using Crema.Scalers.Prometheus;
using Crema.Tests.Support;
using Microsoft.AspNetCore.Http;
using static Crema.Tests.Scalers.Prometheus.PrometheusTriggers;

namespace Crema.Tests.Scalers.Prometheus;

/// <summary>What the scaler sends and how it reads answers, against a stub HTTP server.</summary>
public class PrometheusScalerTests
{
    private const string FortyTwo = """{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1700000000,"42"]}]}}""";

    private static async Task<MetricReading> ReadAsync(
        HttpStub stub, string changes, string auth = "", bool podIdentity = false, IScalerServices? services = null, TimeProvider? time = null)
    {
        var metadata = Metadata($"serverAddress={stub.BaseAddress}|" + changes);
        await using var scaler = new PrometheusScalerFactory().Create(Context(metadata, Auth(auth), podIdentity: podIdentity, services: services, timeProvider: time));
        return await scaler.ReadAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ReadAsync_OneSeries_ReturnsValueThresholdAndActivity()
    {
        await using var stub = await HttpStub.StartAsync(200, FortyTwo);

        var active = await ReadAsync(stub, "threshold=5|activationThreshold=41.5");
        var inactive = await ReadAsync(stub, "threshold=5|activationThreshold=42");

        active.ShouldBe(new MetricReading(42, 5, IsActive: true));
        inactive.ShouldBe(new MetricReading(42, 5, IsActive: false));
    }

    [Fact]
    public async Task ReadAsync_Always_SendsInstantQueryAtNowWithNamespaceAndQueryParameters()
    {
        await using var stub = await HttpStub.StartAsync(200, FortyTwo);
        var now = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(2));

        await ReadAsync(stub, "query=sum(rate(jobs_total{queue=\"a b\"}[1m]))|namespace=team-a|queryParameters=dedup=false,tenant=x&y", time: new FakeTimeProvider(now));

        var request = stub.Requests.Single();
        request.Path.ShouldBe("/api/v1/query");
        request.Query["query"].ShouldBe("sum(rate(jobs_total{queue=\"a b\"}[1m]))");
        request.Query["time"].ShouldBe("2026-01-02T01:04:05Z");
        request.Query["namespace"].ShouldBe("team-a");
        request.Query["dedup"].ShouldBe("false");
        request.Query["tenant"].ShouldBe("x&y");
    }

    [Fact]
    public async Task ReadAsync_ServerAddressWithPath_KeepsThePathPrefix()
    {
        await using var stub = await HttpStub.StartAsync(200, FortyTwo);

        var metadata = Metadata($"serverAddress={stub.BaseAddress}/prometheus/");
        await using var scaler = new PrometheusScalerFactory().Create(Context(metadata));
        await scaler.ReadAsync(CancellationToken.None);

        stub.Requests.Single().Path.ShouldBe("/prometheus/api/v1/query");
    }

    [Fact]
    public async Task ReadAsync_CustomHeaders_AreSent()
    {
        await using var stub = await HttpStub.StartAsync(200, FortyTwo);

        await ReadAsync(stub, "customHeaders=X-Scope-OrgID=tenant-1,X-Extra=yes");

        var headers = stub.Requests.Single().Headers;
        headers["X-Scope-OrgID"].ShouldBe("tenant-1");
        headers["X-Extra"].ShouldBe("yes");
    }

    [Theory]
    [InlineData("authModes=basic", "username=alice|password=p@ss:word", "Basic YWxpY2U6cEBzczp3b3Jk")]
    [InlineData("authModes=basic", "username=alice", "Basic YWxpY2U6")]
    [InlineData("authModes=bearer", "bearerToken=tok-123", "Bearer tok-123")]
    [InlineData("", "authModes=bearer|bearerToken=tok-456", "Bearer tok-456")]
    public async Task ReadAsync_BasicOrBearer_SendsAuthorizationHeader(string metadata, string auth, string expected)
    {
        await using var stub = await HttpStub.StartAsync(200, FortyTwo);

        await ReadAsync(stub, metadata, auth);

        stub.Requests.Single().Headers["Authorization"].ShouldBe(expected);
    }

    [Fact]
    public async Task ReadAsync_CustomAuth_SendsTheHeader()
    {
        await using var stub = await HttpStub.StartAsync(200, FortyTwo);

        await ReadAsync(stub, "authModes=custom", "customAuthHeader=X-Api-Key|customAuthValue=k-789");

        var headers = stub.Requests.Single().Headers;
        headers["X-Api-Key"].ShouldBe("k-789");
        headers.ContainsKey("Authorization").ShouldBeFalse();
    }

    [Fact]
    public async Task ReadAsync_ErrorReplyEchoesTheCredentials_TheyAreRedacted()
    {
        // A proxy in front of Prometheus answering 200 with Prometheus's error shape and the request it saw.
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("reader:pr0m-pass-77"));
        await using var stub = await HttpStub.StartAsync(200,
            $$"""{"status":"error","errorType":"bad_data","error":"rejected: Authorization: Basic {{basic}}, X-Scope-OrgID: tenant-secret-19"}""");

        var error = await Should.ThrowAsync<Exception>(() => ReadAsync(stub, "authModes=basic|customHeaders=X-Scope-OrgID=tenant-secret-19", "username=reader|password=pr0m-pass-77"));

        error.Message.ShouldContain("bad_data: rejected: Authorization: Basic [redacted], X-Scope-OrgID: [redacted]");
        error.Message.ShouldNotContain(basic);
        error.Message.ShouldNotContain("tenant-secret-19");
    }

    [Fact]
    public async Task ReadAsync_NoAuth_SendsNoAuthorizationHeader()
    {
        await using var stub = await HttpStub.StartAsync(200, FortyTwo);

        await ReadAsync(stub, "");

        stub.Requests.Single().Headers.ContainsKey("Authorization").ShouldBeFalse();
    }

    [Fact]
    public async Task ReadAsync_PodIdentity_SendsGoogleTokenForMonitoringRead()
    {
        await using var stub = await HttpStub.StartAsync(200, FortyTwo);
        var tokens = new RecordingTokenSource("ya29.google");

        await ReadAsync(stub, "", podIdentity: true, services: new DefaultScalerServices(tokens));

        stub.Requests.Single().Headers["Authorization"].ShouldBe("Bearer ya29.google");
        tokens.Scopes.ShouldBe(["https://www.googleapis.com/auth/monitoring.read"]);
    }

    [Fact]
    public async Task ReadAsync_ErrorReplyEchoesTheGoogleToken_ItIsRedacted()
    {
        const string Token = "ya29.a0AfH6SMBx-fetched-at-read-time-0123456789";
        await using var stub = await HttpStub.StartAsync(200, $$"""{"status":"error","errorType":"bad_data","error":"request had Authorization: Bearer {{Token}}"}""");

        var error = await Should.ThrowAsync<PrometheusQueryException>(() => ReadAsync(stub, "", podIdentity: true, services: new DefaultScalerServices(new RecordingTokenSource(Token))));

        error.Message.ShouldContain("bad_data: request had Authorization: Bearer [redacted]");
        error.Message.ShouldNotContain("ya29.a0AfH6");
    }

    [Fact]
    public async Task ReadAsync_PodIdentityWithoutGoogleCredentials_ThrowsClearError()
    {
        await using var stub = await HttpStub.StartAsync(200, FortyTwo);

        var error = await Should.ThrowAsync<PrometheusQueryException>(() => ReadAsync(stub, "", podIdentity: true));

        error.Message.ShouldContain("Application Default Credentials");
        stub.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task ReadAsync_ErrorStatus_ThrowsWithStatusAndScrubbedBodyExcerpt()
    {
        await using var stub = await HttpStub.StartAsync(403, """{"status":"error","error":"token tok-secret rejected"}""");

        var error = await Should.ThrowAsync<HttpSourceException>(() => ReadAsync(stub, "authModes=bearer", "bearerToken=tok-secret"));

        error.Message.ShouldBe("""prometheus query failed: HTTP 403 Forbidden: {"status":"error","error":"token [redacted] rejected"}""");
    }

    [Fact]
    public async Task ReadAsync_LongErrorBody_IsShortenedToOneLine()
    {
        await using var stub = await HttpStub.StartAsync(context =>
        {
            context.Response.StatusCode = 502;
            return context.Response.WriteAsync("<html>\n" + new string('x', 10_000));
        });

        var error = await Should.ThrowAsync<HttpSourceException>(() => ReadAsync(stub, ""));

        error.Message.ShouldStartWith("prometheus query failed: HTTP 502 Bad Gateway: <html> xxx");
        error.Message.Length.ShouldBeLessThan(400);
        error.Message.ShouldNotContain("\n");
    }

    [Fact]
    public async Task ReadAsync_BodyNotJson_Throws()
    {
        await using var stub = await HttpStub.StartAsync(200, "<html>proxy login</html>");

        var error = await Should.ThrowAsync<PrometheusQueryException>(() => ReadAsync(stub, ""));

        error.Message.ShouldBe("prometheus response is not valid JSON");
    }

    [Fact]
    public async Task ReadAsync_ServerSlowerThanTimeout_ThrowsTimeout()
    {
        await using var stub = await HttpStub.StartAsync(async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        });

        var error = await Should.ThrowAsync<TimeoutException>(() => ReadAsync(stub, "timeout=150ms"));

        error.Message.ShouldBe("prometheus query timed out after 150ms");
    }

    [Fact]
    public async Task ReadAsync_CallerCancels_ThrowsOperationCanceled()
    {
        await using var stub = await HttpStub.StartAsync(async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        });
        await using var scaler = new PrometheusScalerFactory().Create(Context(Metadata($"serverAddress={stub.BaseAddress}")));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Should.ThrowAsync<OperationCanceledException>(async () => await scaler.ReadAsync(cancel.Token));
    }

    [Fact]
    public void BuildUrl_Always_EscapesEveryPart()
    {
        var (metadata, _) = new PrometheusScalerFactory().BindForTest(Context(Metadata("serverAddress=http://p:9090|query=a+b|namespace=n s|queryParameters=k k=v/v")));
        var scaler = new PrometheusScaler(metadata, new HttpClient(), null, TimeProvider.System);

        var url = scaler.BuildUrl(new DateTimeOffset(2026, 8, 20, 12, 0, 0, TimeSpan.Zero));

        url.ShouldBe("http://p:9090/api/v1/query?query=a%2Bb&time=2026-08-20T12%3A00%3A00Z&namespace=n%20s&k%20k=v%2Fv");
    }

    private sealed class RecordingTokenSource(string token) : IAccessTokenSource
    {
        public IReadOnlyList<string> Scopes { get; private set; } = [];

        public ValueTask<string> GetAccessTokenAsync(IReadOnlyList<string> scopes, CancellationToken cancellationToken)
        {
            Scopes = scopes;
            return ValueTask.FromResult(token);
        }
    }
}
