using Crema.Abstractions;
using Crema.Scalers.Gcp.PubSub;
using Crema.Tests.Support;

namespace Crema.Tests.Scalers.Gcp;

public sealed class PubSubScalerTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(GcpTestContext.Start);
    private FakeMonitoringServer server = null!;

    public async Task InitializeAsync() => server = await FakeMonitoringServer.StartAsync(clock);

    public async Task DisposeAsync() => await server.DisposeAsync();

    private IScaler Create(Dictionary<string, string> metadata, Dictionary<string, string>? env = null) =>
        new PubSubScalerFactory().Create(GcpTestContext.Create("gcp-pubsub", metadata, env, server: server, clock: clock));

    [Fact]
    public async Task ReadAsync_Backlog_IsTheValueAgainstTheTarget()
    {
        server.SetSubscriptionBacklog("my-proj", "orders", 25);
        await using var scaler = Create(new() { ["subscriptionName"] = "projects/my-proj/subscriptions/orders", ["value"] = "5" });

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(25);
        reading.Target.ShouldBe(5);
        reading.IsActive.ShouldBeTrue();
        reading.Note.ShouldBeNull();
        reading.Details!["point_age_seconds"].ShouldBe(0);
        var request = server.Requests.ShouldHaveSingleItem();
        request.Project.ShouldBe("my-proj");
        request["filter"].ShouldBe(
            "metric.type = \"pubsub.googleapis.com/subscription/num_undelivered_messages\" AND resource.type = \"pubsub_subscription\" " +
            "AND resource.labels.project_id = \"my-proj\" AND resource.labels.subscription_id = \"orders\"");
        request["interval.startTime"].ShouldBe("2025-03-01T11:58:00.000Z");
        request["aggregation.perSeriesAligner"].ShouldBeNull();
    }

    [Fact]
    public async Task ReadAsync_BacklogChanges_FollowsTheLatestValue()
    {
        server.SetSubscriptionBacklog("p", "sub1", 3);
        await using var scaler = Create(new() { ["subscriptionName"] = "sub1", ["projectId"] = "p", ["activationValue"] = "2" });

        var first = await scaler.ReadAsync(CancellationToken.None);
        server.SetSubscriptionBacklog("p", "sub1", 0);
        clock.Advance(TimeSpan.FromMinutes(1));
        var second = await scaler.ReadAsync(CancellationToken.None);

        first.Value.ShouldBe(3);
        first.IsActive.ShouldBeTrue();
        second.Value.ShouldBe(0);
        second.IsActive.ShouldBeFalse();
    }

    [Fact]
    public async Task ReadAsync_IdleSubscriptionWithValueIfNull_ReturnsItWithAStableNote()
    {
        await using var scaler = Create(new() { ["subscriptionName"] = "projects/p/subscriptions/idle", ["valueIfNull"] = "0" });

        var first = await scaler.ReadAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(30));
        var second = await scaler.ReadAsync(CancellationToken.None);

        first.Value.ShouldBe(0);
        first.IsActive.ShouldBeFalse();
        first.Note.ShouldNotBeNull();
        first.Note.ShouldContain("valueIfNull 0");
        second.Note.ShouldBe(first.Note);
    }

    [Fact]
    public async Task ReadAsync_IdleSubscriptionWithoutValueIfNull_ThrowsOneClearStableMessage()
    {
        await using var scaler = Create(new() { ["subscriptionName"] = "projects/p/subscriptions/idle" });

        var first = await Should.ThrowAsync<InvalidOperationException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());
        clock.Advance(TimeSpan.FromSeconds(30));
        var second = await Should.ThrowAsync<InvalidOperationException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        first.Message.ShouldContain("subscription 'idle'");
        first.Message.ShouldContain("project 'p'");
        first.Message.ShouldContain("valueIfNull");
        first.Message.ShouldContain("timeHorizon");
        second.Message.ShouldBe(first.Message);
    }

    [Fact]
    public async Task ReadAsync_MonitoringLagLongerThanHorizon_FindsNothingUntilTheHorizonCoversIt()
    {
        server.Lag = TimeSpan.FromMinutes(3);
        server.SetSubscriptionBacklog("p", "sub1", 9);
        await using var shortHorizon = Create(new() { ["subscriptionName"] = "projects/p/subscriptions/sub1", ["valueIfNull"] = "0" });
        await using var longHorizon = Create(new() { ["subscriptionName"] = "projects/p/subscriptions/sub1", ["timeHorizon"] = "5m" });

        var missed = await shortHorizon.ReadAsync(CancellationToken.None);
        var found = await longHorizon.ReadAsync(CancellationToken.None);

        missed.Value.ShouldBe(0);
        missed.Note.ShouldNotBeNull();
        found.Value.ShouldBe(9);
        found.Details!["point_age_seconds"].ShouldBe(180);
    }

    [Fact]
    public async Task ReadAsync_TopicMode_QueriesTheTopicResource()
    {
        server.SetLiveValue("p", "pubsub.googleapis.com/topic/send_message_operation_count", "pubsub_topic",
            new Dictionary<string, string> { ["topic_id"] = "orders" }, 12);
        await using var scaler = Create(new() { ["topicName"] = "projects/p/topics/orders", ["mode"] = "SendMessageOperationCount" });

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(12);
        server.Requests[0]["filter"]!.ShouldContain("resource.labels.topic_id = \"orders\"");
    }

    [Fact]
    public async Task ReadAsync_Aggregation_SendsAlignmentAndReadsTheReducedDistribution()
    {
        server.EnqueueRaw(200, """
            {"timeSeries":[{"metric":{"type":"pubsub.googleapis.com/topic/message_sizes"},
              "resource":{"type":"pubsub_topic","labels":{"project_id":"p"}},"metricKind":"DELTA","valueType":"DISTRIBUTION",
              "points":[{"interval":{"startTime":"2025-03-01T11:57:00Z","endTime":"2025-03-01T12:00:00Z"},
                "value":{"distributionValue":{"count":"10","mean":300}}}]}]}
            """);
        await using var scaler = Create(new() { ["topicName"] = "projects/p/topics/top1", ["mode"] = "MessageSizes", ["aggregation"] = "sum" });

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(3000);
        var request = server.Requests.ShouldHaveSingleItem();
        request["aggregation.alignmentPeriod"].ShouldBe("180s");
        request["aggregation.perSeriesAligner"].ShouldBe("ALIGN_DELTA");
        request["aggregation.crossSeriesReducer"].ShouldBe("REDUCE_SUM");
        request["interval.startTime"].ShouldBe("2025-03-01T11:55:00.000Z");
    }

    [Fact]
    public async Task ReadAsync_Variance_IsTheSquaredStandardDeviation()
    {
        server.EnqueueRaw(200, """
            {"timeSeries":[{"metric":{"type":"pubsub.googleapis.com/subscription/ack_latencies"},"resource":{"type":"pubsub_subscription"},
              "metricKind":"DELTA","valueType":"DOUBLE",
              "points":[{"interval":{"endTime":"2025-03-01T12:00:00Z"},"value":{"doubleValue":1.5}}]}]}
            """);
        await using var scaler = Create(new() { ["subscriptionName"] = "projects/p/subscriptions/sub1", ["mode"] = "AckLatencies", ["aggregation"] = "variance" });

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(2.25);
    }

    [Fact]
    public async Task ReadAsync_ProjectFromServiceAccountKey_IsUsedForShortNames()
    {
        server.SetSubscriptionBacklog("key-project", "sub1", 4);
        var context = GcpTestContext.Create("gcp-pubsub", new Dictionary<string, string> { ["subscriptionName"] = "sub1" },
            authParams: new Dictionary<string, string> { ["GoogleApplicationCredentials"] = GcpTestContext.ServiceAccountJson(project: "key-project") },
            server: server, clock: clock);
        await using var scaler = new PubSubScalerFactory().Create(context);

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(4);
        server.Requests[0].Project.ShouldBe("key-project");
    }

    [Fact]
    public async Task ReadAsync_ProjectFromEnvironment_IsUsedForShortNames()
    {
        server.SetSubscriptionBacklog("env-project", "sub1", 6);
        await using var scaler = Create(new() { ["subscriptionName"] = "sub1" }, new() { ["GOOGLE_CLOUD_PROJECT"] = "env-project" });

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(6);
    }

    [Fact]
    public async Task ReadAsync_PermissionDenied_TellsWhichRoleIsMissing()
    {
        server.EnqueueError(403, "PERMISSION_DENIED", "Permission monitoring.timeSeries.list denied (or the resource may not exist).");
        await using var scaler = Create(new() { ["subscriptionName"] = "projects/p/subscriptions/sub1" });

        var error = await Should.ThrowAsync<Exception>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.Message.ShouldContain("roles/monitoring.viewer");
    }
}
