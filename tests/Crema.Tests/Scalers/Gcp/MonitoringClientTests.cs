using System.Net;
using Crema.Abstractions;
using Crema.Scalers.Gcp.Monitoring;
using Crema.Tests.Support;

namespace Crema.Tests.Scalers.Gcp;

public sealed class MonitoringClientTests : IAsyncLifetime
{
    private const string Metric = "pubsub.googleapis.com/subscription/num_undelivered_messages";
    private readonly FakeTimeProvider clock = new(GcpTestContext.Start);
    private FakeMonitoringServer server = null!;

    public async Task InitializeAsync() => server = await FakeMonitoringServer.StartAsync(clock);

    public async Task DisposeAsync() => await server.DisposeAsync();

    private MonitoringClient Client(IAccessTokenSource? tokens = null) =>
        new(new HttpClient(), server.BaseUrl, tokens, "service account a@p.iam.gserviceaccount.com");

    private TimeSeriesQuery Query(string filter, MonitoringAggregation? aggregation = null) =>
        new("p", filter, clock.GetUtcNow().AddMinutes(-2), clock.GetUtcNow(), aggregation);

    private void AddSubscription(string id, long value) => server.SetSubscriptionBacklog("p", id, value);

    [Fact]
    public async Task ListTimeSeries_ServerNeverAnswers_ThrowsTimeoutNamingTheCall()
    {
        using var http = new HttpClient(new HangingHandler());
        var client = new MonitoringClient(http, new Uri("http://127.0.0.1:9/"), null, "service account a@p.iam.gserviceaccount.com",
            requestTimeout: TimeSpan.FromMilliseconds(50));

        var error = await Should.ThrowAsync<TimeoutException>(() => client.ListTimeSeriesAsync(Query($"metric.type = \"{Metric}\""), CancellationToken.None));

        error.Message.ShouldContain("timeSeries.list for project 'p'");
    }

    [Fact]
    public async Task ListTimeSeries_ManyPages_FollowsNextPageTokenToTheEnd()
    {
        AddSubscription("a", 1);
        AddSubscription("b", 2);
        AddSubscription("c", 3);
        server.PageSize = 1;

        var list = await Client().ListTimeSeriesAsync(Query($"metric.type = \"{Metric}\""), CancellationToken.None);

        list.Requests.ShouldBe(3);
        list.Series.Select(s => s.ResourceLabels["subscription_id"]).ShouldBe(["a", "b", "c"]);
        server.Requests.Select(r => r["pageToken"]).ShouldBe([null, "o1", "o2"]);
    }

    [Fact]
    public async Task ListTimeSeries_EmptyPagesBeforeData_KeepsPaging()
    {
        AddSubscription("a", 42);
        server.LeadingEmptyPages = 2;

        var list = await Client().ListTimeSeriesAsync(Query($"metric.type = \"{Metric}\""), CancellationToken.None);

        list.Requests.ShouldBe(3);
        MonitoringReadings.Newest(list)!.Number.ShouldBe(42);
    }

    [Fact]
    public async Task ListTimeSeries_NoMatch_ReturnsNoSeriesFromEmptyObject()
    {
        var list = await Client().ListTimeSeriesAsync(Query($"metric.type = \"{Metric}\""), CancellationToken.None);

        list.Series.ShouldBeEmpty();
        list.Requests.ShouldBe(1);
    }

    [Fact]
    public async Task ListTimeSeries_DoubleAndInt64Series_ParsesBoth()
    {
        server.SetLiveValue("p", "custom.googleapis.com/load", "global", new Dictionary<string, string>(), 0.75, "DOUBLE");
        AddSubscription("s", long.MaxValue);

        var doubles = await Client().ListTimeSeriesAsync(Query("metric.type = \"custom.googleapis.com/load\""), CancellationToken.None);
        var ints = await Client().ListTimeSeriesAsync(Query($"metric.type = \"{Metric}\""), CancellationToken.None);

        MonitoringReadings.Newest(doubles)!.Number.ShouldBe(0.75);
        MonitoringReadings.Newest(ints)!.Number.ShouldBe(long.MaxValue);
    }

    [Fact]
    public async Task ListTimeSeries_Request_SendsFilterIntervalAndAggregationAsTheApiNamesThem()
    {
        var aggregation = new MonitoringAggregation(TimeSpan.FromMinutes(3), "ALIGN_DELTA", "REDUCE_PERCENTILE_99");

        await Client().ListTimeSeriesAsync(Query($"metric.type = \"{Metric}\" AND resource.labels.subscription_id = \"a \\\"b\\\"\"", aggregation), CancellationToken.None);

        var request = server.Requests.ShouldHaveSingleItem();
        request.Project.ShouldBe("p");
        request["filter"].ShouldBe($"metric.type = \"{Metric}\" AND resource.labels.subscription_id = \"a \\\"b\\\"\"");
        request["interval.startTime"].ShouldBe("2025-03-01T11:58:00.000Z");
        request["interval.endTime"].ShouldBe("2025-03-01T12:00:00.000Z");
        request["aggregation.alignmentPeriod"].ShouldBe("180s");
        request["aggregation.perSeriesAligner"].ShouldBe("ALIGN_DELTA");
        request["aggregation.crossSeriesReducer"].ShouldBe("REDUCE_PERCENTILE_99");
    }

    [Fact]
    public async Task ListTimeSeries_LoopbackHttpEndpoint_SendsNoAuthorization()
    {
        var tokens = new CountingTokens();

        await Client(tokens).ListTimeSeriesAsync(Query($"metric.type = \"{Metric}\""), CancellationToken.None);

        server.Requests.ShouldHaveSingleItem().Authorization.ShouldBeNull();
        tokens.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task ListTimeSeries_PermissionDenied_NamesTheMissingRoleAndIdentity()
    {
        server.EnqueueError(403, "PERMISSION_DENIED", "Permission monitoring.timeSeries.list denied (or the resource may not exist).");

        var error = await Should.ThrowAsync<MonitoringApiException>(() =>
            Client().ListTimeSeriesAsync(Query($"metric.type = \"{Metric}\""), CancellationToken.None));

        error.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        error.Status.ShouldBe("PERMISSION_DENIED");
        error.Message.ShouldContain("roles/monitoring.viewer");
        error.Message.ShouldContain("a@p.iam.gserviceaccount.com");
        error.Message.ShouldContain("project 'p'");
    }

    [Fact]
    public async Task ListTimeSeries_QuotaExceeded_SaysSoWithTheApiMessage()
    {
        server.EnqueueError(429, "RESOURCE_EXHAUSTED", "Quota exceeded for quota metric 'Time series queries' and limit 'Time series queries per minute'.");

        var error = await Should.ThrowAsync<MonitoringApiException>(() =>
            Client().ListTimeSeriesAsync(Query($"metric.type = \"{Metric}\""), CancellationToken.None));

        error.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        error.Status.ShouldBe("RESOURCE_EXHAUSTED");
        error.Message.ShouldContain("quota exceeded");
        error.Message.ShouldContain("Time series queries per minute");
    }

    [Fact]
    public async Task ListTimeSeries_BadFilter_ReportsTheApiReason()
    {
        var error = await Should.ThrowAsync<MonitoringApiException>(() =>
            Client().ListTimeSeriesAsync(Query("resource.type = \"global\""), CancellationToken.None));

        error.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        error.Message.ShouldContain("metric type");
    }

    [Fact]
    public async Task ListTimeSeries_NonJsonErrorBody_KeepsAnExcerpt()
    {
        server.EnqueueRaw(502, "<html>Bad Gateway</html>");

        var error = await Should.ThrowAsync<MonitoringApiException>(() =>
            Client().ListTimeSeriesAsync(Query($"metric.type = \"{Metric}\""), CancellationToken.None));

        error.Message.ShouldContain("502");
        error.Message.ShouldContain("Bad Gateway");
    }

    [Fact]
    public async Task ListTimeSeries_RemoteEndpointWithoutCredentials_ExplainsHowToGiveThem()
    {
        var client = new MonitoringClient(new HttpClient(), MonitoringClient.DefaultEndpoint, null, "the daemon's identity");

        var error = await Should.ThrowAsync<InvalidOperationException>(() =>
            client.ListTimeSeriesAsync(Query($"metric.type = \"{Metric}\""), CancellationToken.None));

        error.Message.ShouldContain("GoogleApplicationCredentials");
    }

    private sealed class CountingTokens : IAccessTokenSource
    {
        public int Calls { get; private set; }

        public ValueTask<string> GetAccessTokenAsync(IReadOnlyList<string> scopes, CancellationToken cancellationToken)
        {
            Calls++;
            return ValueTask.FromResult("token");
        }
    }

    private sealed class HangingHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
