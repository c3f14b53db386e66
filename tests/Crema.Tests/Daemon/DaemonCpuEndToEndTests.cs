using Crema.Tests.Scalers.Gcp;
using Crema.Tests.Support;

namespace Crema.Tests.Daemon;

/// <summary>
/// Daemon + Cloud Run emulator + the Cloud Monitoring fake: a pool's own CPU utilization, reported two minutes late as
/// Cloud Monitoring does, scales it up to the target, holds it while the metric is missing, and brings it down after
/// the scale-down stabilization window, never below minReplicaCount.
/// </summary>
public sealed class DaemonCpuEndToEndTests
{
    private const string Pool = "projects/e2e/locations/us-central1/workerPools/encoders";
    private const string CpuMetric = "run.googleapis.com/container/cpu/utilizations";

    private const string Yaml = $$"""
        apiVersion: crema/v1
        kind: CremaConfig
        spec:
          pollingInterval: 5
          scaledObjects:
            - spec:
                scaleTargetRef: {name: {{Pool}}}
                minReplicaCount: 1
                maxReplicaCount: 10
                triggers:
                  - type: cpu
                    name: cpu
                    metricType: Utilization
                    metadata: {value: "60"}
        """;

    private static readonly Dictionary<string, string> Labels = new()
    {
        ["worker_pool_name"] = "encoders", ["location"] = "us-central1", ["revision_name"] = "encoders-00001-abc",
    };

    [Fact]
    public async Task Run_CpuLoadRisesThenFalls_ScalesToTheTargetUtilizationAndBack()
    {
        var time = new TimerSignallingTimeProvider(DateTimeOffset.UtcNow);
        await using var monitoring = await FakeMonitoringServer.StartAsync(time);
        monitoring.Lag = TimeSpan.FromMinutes(2);
        // The work needs 3 instances' worth of CPU; each instance is busy at load / instances (at most its whole limit).
        var load = 3.0;
        monitoring.SetLiveDistribution("e2e", CpuMetric, "cloud_run_worker_pool", Labels, 1.0, 2);
        await using var harness = await DaemonHarness.StartAsync(Yaml, new Dictionary<string, int> { [Pool] = 2 },
            environment: new Dictionary<string, string> { ["CREMA_MONITORING_ENDPOINT"] = monitoring.BaseUrl.AbsoluteUri }, time: time);

        // Each read sees the pool as it is at that moment (the fake stamps it two minutes back).
        var reporting = true;
        monitoring.BeforeAnswer = async () =>
        {
            if (reporting)
            {
                var instances = await harness.InstancesAsync(Pool);
                monitoring.SetLiveDistribution("e2e", CpuMetric, "cloud_run_worker_pool", Labels, Math.Min(1, load / instances), instances);
            }
        };
        Task<int> InstancesAsync() => harness.InstancesAsync(Pool);

        // 100 % at 2 -> 4; 75 % at 4 -> 5; 60 % at 5 is the target.
        await harness.AdvanceUntilAsync(async () => await InstancesAsync() == 5, TimeSpan.FromSeconds(5), 30, "3 instances of work at a 60 % target");
        for (var i = 0; i < 4; i++)
        {
            await harness.StepAsync(TimeSpan.FromSeconds(5), Pool);
        }
        (await harness.InstancesAsync(Pool)).ShouldBe(5, "60 % of 5 is on target");
        var lastAtFive = time.GetUtcNow();

        // Cloud Monitoring has nothing: an error, never 0 %, so the pool keeps its size.
        reporting = false;
        monitoring.ClearSeries();
        for (var i = 0; i < 4; i++)
        {
            await harness.StepAsync(TimeSpan.FromSeconds(5), Pool);
        }
        (await harness.InstancesAsync(Pool)).ShouldBe(5, "missing utilization must not scale the pool");

        // 1 instance of work: 20 % at 5 asks for 2; the scale-down window (300 s) holds 5 until the last
        // recommendation of 5 (the polls without data recommend nothing) is older than that.
        load = 1.0;
        reporting = true;
        await harness.AdvanceUntilAsync(async () => await InstancesAsync() == 2, TimeSpan.FromSeconds(15), 40, "load down to 1 instance of work");
        (time.GetUtcNow() - lastAtFive).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(300));
        for (var i = 0; i < 4; i++)
        {
            await harness.StepAsync(TimeSpan.FromSeconds(5), Pool);
        }
        (await harness.InstancesAsync(Pool)).ShouldBe(2, "50 % of 2 asks for ceil(0.83 x 2) = 2");
        // 100 % at 2 -> 4 (the legacy step limit, max(2 x 2, 4)), 75 % at 4 -> 5, after the window 20 % at 5 -> 2.
        (await harness.HistoryAsync(Pool)).ShouldBe([2, 4, 5, 2]);
        monitoring.Requests.ShouldAllBe(r => r["aggregation.perSeriesAligner"] == "ALIGN_DELTA" && r["aggregation.crossSeriesReducer"] == "REDUCE_SUM");
    }
}
