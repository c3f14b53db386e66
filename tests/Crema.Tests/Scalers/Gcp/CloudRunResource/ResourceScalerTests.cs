using System.Diagnostics;
using Crema.Abstractions;
using Crema.Scalers.Gcp.CloudRunResource;
using Crema.Tests.Support;

namespace Crema.Tests.Scalers.Gcp.CloudRunResource;

/// <summary>What the cpu/memory scalers ask Cloud Monitoring (the loopback fake, the API's JSON) and how they read it.</summary>
public sealed class ResourceScalerTests : IAsyncLifetime
{
    private const string Pool = "projects/proj-a/locations/europe-west1/workerPools/orders";
    private const string Service = "projects/proj-a/locations/europe-west1/services/web";
    private const string CpuMetric = "run.googleapis.com/container/cpu/utilizations";
    private readonly FakeTimeProvider clock = new(GcpTestContext.Start);
    private FakeMonitoringServer server = null!;

    public async Task InitializeAsync() => server = await FakeMonitoringServer.StartAsync(clock);

    public async Task DisposeAsync() => await server.DisposeAsync();

    private IScaler Create(string type, string target, string value = "60", Dictionary<string, string>? environment = null) =>
        ResourceScalerFactory.All.Single(f => f.Type == type).Create(
            GcpTestContext.Create(type, new Dictionary<string, string> { ["value"] = value }, environment, server: environment is null ? server : null, clock: clock)
                with { MetricType = MetricType.Utilization, ScaleTargetName = target });

    private static Dictionary<string, string> PoolLabels(string name = "orders", string location = "europe-west1") =>
        new() { ["worker_pool_name"] = name, ["location"] = location, ["revision_name"] = name + "-00001-abc" };

    [Fact]
    public async Task ReadAsync_WorkerPool_AsksForItsUtilizationMergedAcrossRevisions()
    {
        server.SetLiveDistribution("proj-a", CpuMetric, "cloud_run_worker_pool", PoolLabels(), 0.8, 3);
        await using var scaler = Create("cpu", Pool);

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(80, 1e-9);
        reading.Target.ShouldBe(60);
        reading.IsActive.ShouldBeTrue();
        reading.Details!["samples"].ShouldBe(3);
        var request = server.Requests.ShouldHaveSingleItem();
        request.Project.ShouldBe("proj-a");
        request["filter"].ShouldBe(
            "metric.type = \"run.googleapis.com/container/cpu/utilizations\" AND resource.type = \"cloud_run_worker_pool\" AND " +
            "resource.labels.worker_pool_name = \"orders\" AND resource.labels.location = \"europe-west1\"");
        request["interval.startTime"].ShouldBe("2025-03-01T11:55:00.000Z");
        request["interval.endTime"].ShouldBe("2025-03-01T12:00:00.000Z");
        request["aggregation.alignmentPeriod"].ShouldBe("60s");
        request["aggregation.perSeriesAligner"].ShouldBe("ALIGN_DELTA");
        request["aggregation.crossSeriesReducer"].ShouldBe("REDUCE_SUM");
    }

    [Fact]
    public async Task ReadAsync_ServiceWithTwoRevisions_WeighsEveryInstanceSampleOnce()
    {
        // A traffic split: 1 instance at 90 % on the new revision, 3 at 50 % on the old one: (0.9 + 3 x 0.5) / 4 = 60 %.
        foreach (var (revision, mean, samples) in new[] { ("web-00002-new", 0.9, 1L), ("web-00001-old", 0.5, 3L) })
        {
            server.SetLiveDistribution("proj-a", "run.googleapis.com/container/memory/utilizations", "cloud_run_revision",
                new Dictionary<string, string> { ["service_name"] = "web", ["location"] = "europe-west1", ["revision_name"] = revision }, mean, samples);
        }
        // Same name in another region and another service in the region: not this target.
        server.SetLiveDistribution("proj-a", "run.googleapis.com/container/memory/utilizations", "cloud_run_revision",
            new Dictionary<string, string> { ["service_name"] = "web", ["location"] = "us-central1", ["revision_name"] = "web-00001-us" }, 0.99, 10);
        server.SetLiveDistribution("proj-a", "run.googleapis.com/container/memory/utilizations", "cloud_run_revision",
            new Dictionary<string, string> { ["service_name"] = "api", ["location"] = "europe-west1", ["revision_name"] = "api-00001-x" }, 0.99, 10);
        await using var scaler = Create("memory", Service);

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(60, 1e-9);
        reading.Details!["samples"].ShouldBe(4);
        server.Requests.ShouldHaveSingleItem()["filter"].ShouldBe(
            "metric.type = \"run.googleapis.com/container/memory/utilizations\" AND resource.type = \"cloud_run_revision\" AND " +
            "resource.labels.service_name = \"web\" AND resource.labels.location = \"europe-west1\"");
    }

    [Fact]
    public async Task ReadAsync_AlignedMinutes_TakesTheNewestMinuteWithSamples()
    {
        // The API's answer for ALIGN_DELTA + REDUCE_SUM, newest first; the newest minute is still empty (ingestion delay).
        server.EnqueueRaw(200, """
            {"timeSeries":[{"metric":{"type":"run.googleapis.com/container/cpu/utilizations"},
              "resource":{"type":"cloud_run_worker_pool","labels":{"project_id":"proj-a"}},"metricKind":"DELTA","valueType":"DISTRIBUTION",
              "points":[
                {"interval":{"startTime":"2025-03-01T11:59:00Z","endTime":"2025-03-01T12:00:00Z"},"value":{"distributionValue":{"count":"0"}}},
                {"interval":{"startTime":"2025-03-01T11:57:00Z","endTime":"2025-03-01T11:58:00Z"},
                  "value":{"distributionValue":{"count":"4","mean":0.2925,"sumOfSquaredDeviation":0.01,
                    "bucketOptions":{"exponentialBuckets":{"numFiniteBuckets":66,"growthFactor":1.4,"scale":0.01}},"bucketCounts":["0","4"]}}},
                {"interval":{"startTime":"2025-03-01T11:56:00Z","endTime":"2025-03-01T11:57:00Z"},
                  "value":{"distributionValue":{"count":"4","mean":0.95}}}]}]}
            """);
        await using var scaler = Create("cpu", Pool);

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(29.25, 1e-9);
        reading.Details!["point_age_seconds"].ShouldBe(120);
        reading.Note.ShouldBe("mean of 4 instance sample(s) in the minute ending 11:58:00Z, 120s old");
    }

    [Fact]
    public async Task ReadAsync_NoSamplesInTheWindow_FailsAndNeverReadsZero()
    {
        // A sample 6 minutes old is outside the 5-minute window; the target's instances have stopped reporting.
        server.AddPoint("proj-a", CpuMetric, "cloud_run_worker_pool", PoolLabels(), clock.GetUtcNow().AddMinutes(-6), 0.7, "DISTRIBUTION");
        await using var scaler = Create("cpu", Pool);

        var error = await Should.ThrowAsync<InvalidOperationException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.Message.ShouldStartWith("No cpu utilization in Cloud Monitoring for worker pool orders (europe-west1, project proj-a) in the last 5m");
        error.Message.ShouldContain("Crema does not read this as 0 %");
    }

    [Fact]
    public async Task ReadAsync_TargetIsNotACloudRunName_FailsNamingIt()
    {
        await using var scaler = Create("cpu", "my-deployment");

        var error = await Should.ThrowAsync<InvalidOperationException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.Message.ShouldContain("scaleTargetRef.name \"my-deployment\" is not a Cloud Run service or worker pool name");
        server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task ReadAsync_PermissionDenied_NamesTheMonitoringRole()
    {
        server.EnqueueError(403, "PERMISSION_DENIED", "Permission monitoring.timeSeries.list denied (or the resource may not exist).");
        await using var scaler = Create("memory", Pool);

        var error = await Should.ThrowAsync<Exception>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.Message.ShouldContain("roles/monitoring.viewer");
    }

    [Fact]
    public async Task ReadAsync_MonitoringDown_FailsFast()
    {
        var closed = $"http://127.0.0.1:{FreeTcpPort.Next()}/";
        await using var scaler = Create("cpu", Pool, environment: new() { ["CREMA_MONITORING_ENDPOINT"] = closed });
        var watch = Stopwatch.StartNew();

        await Should.ThrowAsync<HttpRequestException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10), "a refused connection is reported at once, not after the 30 s timeout");
    }
}
