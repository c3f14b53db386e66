using System.Text.Json;
using Crema.Tests.Observability;

namespace Crema.Tests.Daemon;

/// <summary>/healthz, /readyz, /metrics, /status and / of a running daemon.</summary>
public sealed class DaemonHttpSurfaceTests
{
    [Fact]
    public async Task HttpSurface_AfterScaling_ServesValidMetricsAndCompleteStatus()
    {
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = 2;
        await using var harness = await DaemonHarness.StartAsync(
            DaemonConfigs.Settable((DaemonConfigs.PoolA, "a", 10)), new Dictionary<string, int> { [DaemonConfigs.PoolA] = 0 }, [scalers]);
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(DaemonConfigs.PoolA) == 2, TimeSpan.FromSeconds(1), 40, "scale to 2");
        var baseAddress = harness.Daemon.BaseAddress;

        (await harness.Http.GetStringAsync(new Uri(baseAddress, "healthz"))).ShouldBe("ok\n");
        (await harness.Http.GetAsync(new Uri(baseAddress, "readyz"))).IsSuccessStatusCode.ShouldBeTrue();
        var metrics = await harness.Http.GetStringAsync(new Uri(baseAddress, "metrics"));
        var (exitCode, output) = await Promtool.CheckMetricsAsync(metrics);
        exitCode.ShouldBe(0, output);
        metrics.ShouldContain("crema_current_instances{scaled_object=\"pool-a\",target=\"" + DaemonConfigs.PoolA + "\"} 2");
        metrics.ShouldContain("crema_trigger_metric_value{scaled_object=\"pool-a\",trigger=\"a\",type=\"settable\"} 2");
        metrics.ShouldContain("crema_scale_operations_total{result=\"applied\",scaled_object=\"pool-a\"} 2");
        metrics.ShouldContain("crema_cloud_run_api_calls_total{method=\"patch\",status=\"200\",target=\"" + DaemonConfigs.PoolA + "\"}");
        metrics.ShouldContain("crema_poll_duration_seconds_count{scaled_object=\"pool-a\"}");
        metrics.ShouldContain("crema_config_reloads_total{result=\"applied\"} 1");

        var status = await harness.StatusAsync();
        var config = status.GetProperty("config");
        config.GetProperty("source").GetString().ShouldBe(harness.ConfigPath);
        config.GetProperty("loadedAt").ValueKind.ShouldBe(JsonValueKind.String);
        var scaled = status.GetProperty("scaledObjects")[0];
        scaled.GetProperty("name").GetString().ShouldBe("pool-a");
        scaled.GetProperty("target").GetString().ShouldBe(DaemonConfigs.PoolA);
        scaled.GetProperty("current").GetInt32().ShouldBe(2);
        scaled.GetProperty("desired").GetInt32().ShouldBe(2);
        scaled.GetProperty("active").GetBoolean().ShouldBeTrue();
        scaled.GetProperty("lastDecision").GetString().ShouldNotBeNull();
        scaled.GetProperty("reason").GetString().ShouldNotBeNullOrEmpty();
        scaled.GetProperty("lastScaleAt").ValueKind.ShouldBe(JsonValueKind.String);
        var trigger = scaled.GetProperty("triggers")[0];
        trigger.GetProperty("value").GetDouble().ShouldBe(2);
        trigger.GetProperty("target").GetDouble().ShouldBe(1);
        trigger.GetProperty("active").GetBoolean().ShouldBeTrue();
        trigger.GetProperty("consecutiveFailures").GetInt32().ShouldBe(0);
        trigger.TryGetProperty("lastError", out _).ShouldBeTrue();

        var page = await harness.Http.GetStringAsync(baseAddress);
        page.ShouldContain("<a href=\"objects/pool-a\">pool-a</a>");
    }
}
