using Crema.Abstractions;
using Crema.Scalers.Gcp.CloudTasks;
using Crema.Scalers.Gcp.Stackdriver;
using Crema.Tests.Support;

namespace Crema.Tests.Scalers.Gcp;

public sealed class StackdriverAndCloudTasksScalerTests : IAsyncLifetime
{
    private const string LoadMetric = "custom.googleapis.com/queue_load";
    private readonly FakeTimeProvider clock = new(GcpTestContext.Start);
    private FakeMonitoringServer server = null!;

    public async Task InitializeAsync() => server = await FakeMonitoringServer.StartAsync(clock);

    public async Task DisposeAsync() => await server.DisposeAsync();

    private IScaler Create(IScalerFactory factory, Dictionary<string, string> metadata) =>
        factory.Create(GcpTestContext.Create(factory.Type, metadata, server: server, clock: clock));

    [Fact]
    public async Task Stackdriver_ReadAsync_NarrowsTheFilterToTheProjectAndReadsDoubles()
    {
        server.SetLiveValue("proj-a", LoadMetric, "global", new Dictionary<string, string>(), 7.5, "DOUBLE");
        server.SetLiveValue("proj-b", LoadMetric, "global", new Dictionary<string, string>(), 99, "DOUBLE");
        await using var scaler = Create(new StackdriverScalerFactory(), new()
        {
            ["projectId"] = "proj-a", ["filter"] = $"metric.type=\"{LoadMetric}\"", ["targetValue"] = "2", ["activationTargetValue"] = "8",
        });

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(7.5);
        reading.Target.ShouldBe(2);
        reading.IsActive.ShouldBeFalse();
        var request = server.Requests.ShouldHaveSingleItem();
        request["filter"].ShouldBe($"metric.type=\"{LoadMetric}\" AND resource.labels.project_id = \"proj-a\"");
        request["interval.startTime"].ShouldBe("2025-03-01T11:58:00.000Z");
    }

    [Fact]
    public async Task Stackdriver_ReadAsync_SendsAlignmentAndGetsOneReducedSeries()
    {
        foreach (var (zone, value) in new[] { ("a", 2.0), ("b", 3.0) })
        {
            server.SetLiveValue("p", LoadMetric, "gce_instance", new Dictionary<string, string> { ["zone"] = zone }, value, "DOUBLE");
        }
        await using var scaler = Create(new StackdriverScalerFactory(), new()
        {
            ["projectId"] = "p", ["filter"] = $"metric.type=\"{LoadMetric}\"", ["alignmentPeriodSeconds"] = "60",
            ["alignmentAligner"] = "max", ["alignmentReducer"] = "sum", ["filterDuration"] = "5",
        });

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(5);
        reading.Note.ShouldBeNull();
        var request = server.Requests.ShouldHaveSingleItem();
        request["aggregation.alignmentPeriod"].ShouldBe("60s");
        request["aggregation.perSeriesAligner"].ShouldBe("ALIGN_MAX");
        request["aggregation.crossSeriesReducer"].ShouldBe("REDUCE_SUM");
        request["interval.startTime"].ShouldBe("2025-03-01T11:55:00.000Z");
    }

    [Fact]
    public async Task Stackdriver_ReadAsync_SeveralSeriesWithoutReducer_UsesTheFirstAndSaysSo()
    {
        foreach (var zone in new[] { "a", "b" })
        {
            server.SetLiveValue("p", LoadMetric, "gce_instance", new Dictionary<string, string> { ["zone"] = zone }, 1, "DOUBLE");
        }
        await using var scaler = Create(new StackdriverScalerFactory(), new() { ["projectId"] = "p", ["filter"] = $"metric.type=\"{LoadMetric}\"" });

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Note.ShouldBe("2 time series matched; the first one is used.");
        reading.Details!["series"].ShouldBe(2);
    }

    [Fact]
    public async Task Stackdriver_ReadAsync_NoDataWithoutValueIfNull_ThrowsAndNamesTheFilter()
    {
        await using var scaler = Create(new StackdriverScalerFactory(), new() { ["projectId"] = "p", ["filter"] = $"metric.type=\"{LoadMetric}\"" });

        var error = await Should.ThrowAsync<InvalidOperationException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.Message.ShouldContain(LoadMetric);
        error.Message.ShouldContain("valueIfNull");
    }

    [Fact]
    public async Task CloudTasks_ReadAsync_ReadsTheQueueDepth()
    {
        server.SetQueueDepth("p", "europe-west1", "emails", 250);
        await using var scaler = Create(new CloudTasksScalerFactory(), new() { ["projectID"] = "p", ["queueName"] = "emails", ["activationValue"] = "5" });

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(250);
        reading.Target.ShouldBe(100);
        reading.IsActive.ShouldBeTrue();
        server.Requests[0]["filter"].ShouldBe(
            "metric.type = \"cloudtasks.googleapis.com/queue/depth\" AND resource.labels.project_id = \"p\" AND resource.labels.queue_id = \"emails\"");
    }

    [Fact]
    public async Task CloudTasks_ReadAsync_FullQueueNameFiltersOnLocation()
    {
        server.SetQueueDepth("p", "europe-west1", "emails", 1);
        server.SetQueueDepth("p", "us-central1", "emails", 40);
        await using var scaler = Create(new CloudTasksScalerFactory(), new() { ["queueName"] = "projects/p/locations/us-central1/queues/emails" });

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(40);
        reading.Note.ShouldBeNull();
    }

    [Fact]
    public async Task CloudTasks_ReadAsync_EmptyQueueWithValueIfNull_IsZero()
    {
        await using var scaler = Create(new CloudTasksScalerFactory(), new() { ["projectID"] = "p", ["queueName"] = "idle", ["valueIfNull"] = "0" });

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(0);
        reading.IsActive.ShouldBeFalse();
        reading.Note!.ShouldContain("queue 'idle'");
    }
}
