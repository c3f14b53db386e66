using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Crema.Tests.Observability;

namespace Crema.Tests.Daemon;

/// <summary>
/// /metrics of a running daemon against the Cloud Run emulator: the series an alert needs (object state
/// whatever the target answers, pause, config reloads, trigger errors by type, Cloud Run calls by target),
/// trigger read latency, instance-seconds, build, process and runtime figures, named by Prometheus'
/// conventions and accepted by promtool; and <c>--trigger-metrics off</c>.
/// </summary>
public sealed partial class DaemonMetricsTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private const string PoolC = DaemonConfigs.PoolC;

    private static string ThreeObjects => $$$"""
        apiVersion: crema/v1
        kind: CremaConfig
        spec:
          pollingInterval: 1
          scaledObjects:
            - spec:
                scaleTargetRef: {name: {{{DaemonConfigs.PoolA}}}}
                triggers:
                  - {type: settable, name: a, metadata: {key: a, target: "1"}}
            - spec:
                scaleTargetRef: {name: {{{DaemonConfigs.PoolB}}}}
                triggers:
                  - {type: settable, name: b, metadata: {key: b, target: "1"}}
            - metadata:
                annotations: {autoscaling.keda.sh/paused: "true"}
              spec:
                scaleTargetRef: {name: {{{PoolC}}}}
                triggers:
                  - {type: settable, name: c, metadata: {key: c, target: "1"}}
        """;

    [Fact]
    public async Task Metrics_HealthyMissingAndPausedTargets_EverySeriesAnAlertNeedsAndPromtoolAccepts()
    {
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = 2;
        scalers.Values["b"] = 2;
        scalers.Values["c"] = double.NaN;
        // pool-b is not in the emulator: every read of it answers 404.
        await using var harness = await DaemonHarness.StartAsync(ThreeObjects,
            new Dictionary<string, int> { [DaemonConfigs.PoolA] = 0, [PoolC] = 1 }, [scalers]);
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(DaemonConfigs.PoolA) == 2, Poll, 40, "pool-a scales to 2");

        var metrics = await harness.MetricsAsync();
        var (exitCode, output) = await Promtool.CheckMetricsAsync(metrics);
        exitCode.ShouldBe(0, output);
        output.Trim().ShouldBeEmpty();
        Value(metrics, "crema_scaled_object_state", "pool-a", "state=\"active\"").ShouldBe(1);
        Value(metrics, "crema_scaled_object_state", "pool-b", "state=\"cant-scale\"").ShouldBe(1);
        Value(metrics, "crema_scaled_object_state", "pool-c", "state=\"paused\"").ShouldBe(1);
        Lines(metrics, "crema_scaled_object_state").Length.ShouldBe(3, "one state per object");
        Value(metrics, "crema_target_can_scale", "pool-b").ShouldBe(0);
        Value(metrics, "crema_target_can_scale", "pool-a").ShouldBe(1);
        Lines(metrics, "crema_current_instances").ShouldNotContain(l => l.Contains("pool-b", StringComparison.Ordinal), "a 404 target has no count");
        Value(metrics, "crema_scaled_object_paused", "pool-c").ShouldBe(1);
        Value(metrics, "crema_scaled_object_paused", "pool-a").ShouldBe(0);
        Value(metrics, "crema_config_last_reload_successful").ShouldBe(1);
        Sample(metrics, "crema_trigger_errors_total{scaled_object=\"pool-c\",trigger=\"c\",type=\"settable\"}").ShouldBeGreaterThanOrEqualTo(1);
        Sample(metrics, $"crema_cloud_run_api_calls_total{{method=\"get\",status=\"404\",target=\"{DaemonConfigs.PoolB}\"}}").ShouldBeGreaterThanOrEqualTo(1);
        Sample(metrics, $"crema_cloud_run_api_calls_total{{method=\"patch\",status=\"200\",target=\"{DaemonConfigs.PoolA}\"}}").ShouldBeGreaterThanOrEqualTo(1);
        Sample(metrics, "crema_trigger_read_duration_seconds_count{result=\"ok\",type=\"settable\"}").ShouldBeGreaterThanOrEqualTo(2);
        Sample(metrics, "crema_trigger_read_duration_seconds_count{result=\"error\",type=\"settable\"}").ShouldBeGreaterThanOrEqualTo(1);
        Lines(metrics, "crema_instance_seconds_total").Length.ShouldBe(3, "every object has the series from its first poll");

        var build = Lines(metrics, "crema_build_info").ShouldHaveSingleItem();
        BuildInfo().Match(build).Success.ShouldBeTrue(build);
        Sample(metrics, "process_cpu_seconds_total").ShouldBeGreaterThan(0);
        Sample(metrics, "process_resident_memory_bytes").ShouldBeGreaterThan(1_000_000);
        Sample(metrics, "process_start_time_seconds").ShouldBeInRange(DateTimeOffset.UtcNow.AddHours(-6).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Sample(metrics, "process_open_fds").ShouldBeGreaterThan(3);
        Sample(metrics, "process_max_fds").ShouldBeGreaterThanOrEqualTo(Sample(metrics, "process_open_fds"));
        Sample(metrics, "dotnet_gc_allocated_bytes_total").ShouldBeGreaterThan(0);
        Sample(metrics, "dotnet_gc_heap_size_bytes").ShouldBeGreaterThan(0);
        Sample(metrics, "dotnet_threadpool_threads").ShouldBeGreaterThan(0);
        Lines(metrics, "dotnet_gc_collections_total").Length.ShouldBe(3);
    }

    [Fact]
    public async Task Metrics_ServiceInAutomaticMode_CantScaleStateWithoutCurrentOrDesired()
    {
        const string Service = "projects/e2e/locations/us-central1/services/api";
        var scalers = new SettableScalerFactory();
        scalers.Values["api"] = 3;
        await using var harness = await DaemonHarness.StartAsync(DaemonConfigs.Settable((Service, "api", 10)), new Dictionary<string, int>(), [scalers]);
        (await harness.Http.PostAsJsonAsync(new Uri(harness.Emulator.BaseAddress, "emulator/targets"), new { name = Service, count = 1, scalingMode = "AUTOMATIC" }))
            .EnsureSuccessStatusCode();

        await harness.AdvanceUntilAsync(async () => Lines(await harness.MetricsAsync(), "crema_target_state").Any(l => l.Contains("automatic_scaling", StringComparison.Ordinal)),
            Poll, 40, "automatic mode on /metrics");

        var metrics = await harness.MetricsAsync();
        Value(metrics, "crema_scaled_object_state", "api", "state=\"cant-scale\"").ShouldBe(1);
        Value(metrics, "crema_target_can_scale", "api").ShouldBe(0);
        Lines(metrics, "crema_desired_instances").ShouldBeEmpty();
    }

    [Fact]
    public async Task Metrics_EveryName_FollowsPrometheusConventions()
    {
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = 1;
        await using var harness = await DaemonHarness.StartAsync(
            DaemonConfigs.Settable((DaemonConfigs.PoolA, "a", 10)), new Dictionary<string, int> { [DaemonConfigs.PoolA] = 0 }, [scalers]);
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(DaemonConfigs.PoolA) == 1, Poll, 40, "scale to 1");

        var types = TypeLine().Matches(await harness.MetricsAsync()).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["type"].Value);

        types.Count.ShouldBeGreaterThan(40);
        foreach (var (name, type) in types)
        {
            name.ShouldMatch("^(crema|process|dotnet)_[a-z0-9_]+$");
            (type == "counter").ShouldBe(name.EndsWith("_total", StringComparison.Ordinal), name + ": counters, and only counters, end in _total");
            if (type == "histogram")
            {
                name.ShouldEndWith("_seconds");
            }
            // Base units only (seconds, bytes), never scaled ones or ratios in percent.
            name.ShouldNotMatch("_(milliseconds|ms|minutes|hours|kilobytes|megabytes|kb|mb|percent)(_|$)", name);
        }
        types["crema_instance_seconds_total"].ShouldBe("counter");
        types["process_cpu_seconds_total"].ShouldBe("counter");
        types["crema_trigger_read_duration_seconds"].ShouldBe("histogram");
        types["crema_build_info"].ShouldBe("gauge");
    }

    [Fact]
    public async Task Metrics_InstanceSeconds_CountEachSecondAtTheCountCremaKnew()
    {
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = 3;
        await using var harness = await DaemonHarness.StartAsync(
            DaemonConfigs.Settable((DaemonConfigs.PoolA, "a", 10)), new Dictionary<string, int> { [DaemonConfigs.PoolA] = 3 }, [scalers]);
        await harness.AdvanceUntilAsync(async () => (await harness.ObjectStatusAsync(DaemonConfigs.PoolA)).GetProperty("lastDecision").GetString() == "hold 3",
            Poll, 20, "first poll reads 3");

        var start = await InstanceSecondsAsync(harness);
        for (var i = 0; i < 10; i++)
        {
            await harness.StepAsync(Poll, DaemonConfigs.PoolA);
        }
        var atThree = await InstanceSecondsAsync(harness);
        scalers.Values["a"] = 5;
        await harness.StepAsync(Poll, DaemonConfigs.PoolA);
        // The poll publishes "scaling" before its update; the clock stays put while the update finishes.
        for (var i = 0; i < 250 && (await harness.ObjectStatusAsync(DaemonConfigs.PoolA)).GetProperty("lastDecision").GetString() != "scale 3 -> 5"; i++)
        {
            await DaemonHarness.SettleAsync();
        }
        (await harness.InstancesAsync(DaemonConfigs.PoolA)).ShouldBe(5);
        var scaled = await InstanceSecondsAsync(harness);
        for (var i = 0; i < 4; i++)
        {
            await harness.StepAsync(Poll, DaemonConfigs.PoolA);
        }
        var atFive = await InstanceSecondsAsync(harness);

        (atThree - start).ShouldBe(30, 1e-9, "10 s at 3 instances");
        (scaled - atThree).ShouldBe(3, 1e-9, "the second before the poll that scaled still ran 3");
        (atFive - scaled).ShouldBe(20, 1e-9, "4 s at 5 instances");
    }

    [Fact]
    public async Task Metrics_ReadTimesOut_ReadLatencyInTheTimeoutsBucket()
    {
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = 2;
        scalers.Hanging["a"] = true;
        await using var harness = await DaemonHarness.StartAsync(
            DaemonConfigs.Settable((DaemonConfigs.PoolA, "a", 10)), new Dictionary<string, int> { [DaemonConfigs.PoolA] = 1 }, [scalers]);
        await scalers.HangStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await harness.AdvanceUntilAsync(async () => Sample(await harness.MetricsAsync(), "crema_trigger_read_duration_seconds_count{result=\"error\",type=\"settable\"}") >= 1,
            Poll, 20, "the read times out after 10 s");

        var metrics = await harness.MetricsAsync();
        Sample(metrics, "crema_trigger_read_duration_seconds_bucket{result=\"error\",type=\"settable\",le=\"5\"}").ShouldBe(0);
        Sample(metrics, "crema_trigger_read_duration_seconds_bucket{result=\"error\",type=\"settable\",le=\"10\"}").ShouldBeGreaterThanOrEqualTo(1);
        Sample(metrics, "crema_trigger_read_duration_seconds_sum{result=\"error\",type=\"settable\"}")
            .ShouldBe(10 * Sample(metrics, "crema_trigger_read_duration_seconds_count{result=\"error\",type=\"settable\"}"), 1e-9);
        scalers.HangRelease.SetResult();
    }

    [Fact]
    public async Task Metrics_TriggerMetricsOff_NoSeriesPerTriggerAndErrorsCountedPerObjectAndType()
    {
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = 2;
        scalers.Values["c"] = double.NaN;
        await using var harness = await DaemonHarness.StartAsync(ThreeObjects,
            new Dictionary<string, int> { [DaemonConfigs.PoolA] = 0, [PoolC] = 1 }, [scalers], configure: o => o with { TriggerMetrics = false });
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(DaemonConfigs.PoolA) == 2, Poll, 40, "pool-a scales to 2");

        var metrics = await harness.MetricsAsync();
        var (exitCode, output) = await Promtool.CheckMetricsAsync(metrics);
        exitCode.ShouldBe(0, output);
        metrics.ShouldNotContain("trigger=\"");
        metrics.ShouldNotContain("# TYPE crema_trigger_metric_value");
        metrics.ShouldNotContain("# TYPE crema_scaler_detail");
        Sample(metrics, "crema_trigger_errors_total{scaled_object=\"pool-c\",type=\"settable\"}").ShouldBeGreaterThanOrEqualTo(1);
        Value(metrics, "crema_current_instances", "pool-a").ShouldBe(2);
        Value(metrics, "crema_scaled_object_state", "pool-c", "state=\"paused\"").ShouldBe(1);
    }

    internal static string[] Lines(string metrics, string name) =>
        [.. metrics.Split('\n').Where(l => l.StartsWith(name + "{", StringComparison.Ordinal) || l.StartsWith(name + " ", StringComparison.Ordinal))];

    /// <summary>The value of the one series of <paramref name="name"/> for the object, whose labels contain <paramref name="also"/>.</summary>
    private static double Value(string metrics, string name, string? scaledObject = null, string also = "")
    {
        var line = Lines(metrics, name).Where(l => scaledObject is null || l.Contains($"scaled_object=\"{scaledObject}\"", StringComparison.Ordinal))
            .Where(l => l.Contains(also, StringComparison.Ordinal)).ShouldHaveSingleItem($"{name} {scaledObject} {also}");
        return double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
    }

    /// <summary>The value of the sample named exactly <paramref name="series"/> (name and labels), 0 when absent.</summary>
    private static double Sample(string metrics, string series) =>
        DaemonMetricsText.Value(metrics, series + " ") ?? 0;

    private static async Task<double> InstanceSecondsAsync(DaemonHarness harness) =>
        Value(await harness.MetricsAsync(), "crema_instance_seconds_total", "pool-a");

    [GeneratedRegex("""^crema_build_info\{revision="[^"]*",runtime="\.NET [0-9.]+[^"]*",version="\d+\.\d+\.\d+[^"]*"\} 1$""")]
    private static partial Regex BuildInfo();

    [GeneratedRegex("^# TYPE (?<name>[a-zA-Z_:][a-zA-Z0-9_:]*) (?<type>\\w+)$", RegexOptions.Multiline)]
    private static partial Regex TypeLine();
}
