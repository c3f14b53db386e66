using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Crema.Tests.Daemon;
using Crema.Tests.Support;

namespace Crema.Tests.Observability.Otlp;

/// <summary>
/// A running daemon exporting to a real OTLP receiver on loopback: the same series and values as /metrics
/// (so <c>--trigger-metrics off</c> holds for both), over OTLP/HTTP and OTLP/gRPC, with the resource, the
/// configured headers and no secret anywhere; a collector down or failing never stops scaling and is logged once
/// per change.
/// </summary>
public sealed class DaemonOtlpExportTests
{
    [Fact]
    public async Task Export_HttpProtobuf_SameSeriesAsMetricsWithResourceHeadersAndNoSecret()
    {
        await using var receiver = await OtlpReceiver.StartHttpAsync();
        await using var rig = await OtlpRig.StartAsync(receiver.BaseAddress);
        await rig.ScaledAsync();

        var export = await ExportMatchingMetricsAsync(rig, receiver);

        var series = OtlpSeries.Of(export.Request);
        series["crema_current_instances{scaled_object=\"pool-a\",target=\"" + DaemonConfigs.PoolA + "\"}"].ShouldBe(3);
        series["crema_current_instances{scaled_object=\"pool-b\",target=\"" + DaemonConfigs.PoolB + "\"}"].ShouldBe(2);
        series["crema_trigger_metric_value{scaled_object=\"pool-a\",trigger=\"a\",type=\"metrics-api\"}"].ShouldBe(3);
        series["crema_scaled_object_state{scaled_object=\"pool-b\",state=\"active\",target=\"" + DaemonConfigs.PoolB + "\"}"].ShouldBe(1);
        series.Keys.ShouldContain(k => k.StartsWith("crema_poll_duration_seconds_bucket{le=\"0.01\",scaled_object=\"pool-a\"}", StringComparison.Ordinal));
        series.Keys.ShouldContain(k => k.StartsWith("process_cpu_seconds_total", StringComparison.Ordinal));

        var resource = export.Request.ResourceMetrics.ShouldHaveSingleItem().Resource.Attributes.ToDictionary(a => a.Key, a => OtlpSeries.Text(a.Value));
        resource["service.name"].ShouldBe("crema");
        resource["service.version"].ShouldBe(Crema.Host.Observability.CremaMetrics.BuildVersion().Version);
        resource["service.instance.id"].ShouldBe(OtlpRig.InstanceId);
        resource["cloud.platform"].ShouldBe("gcp_cloud_run");
        resource["faas.name"].ShouldBe("crema");
        resource["faas.version"].ShouldBe(OtlpRig.Revision);
        resource["faas.instance"].ShouldBe(OtlpRig.InstanceId);
        export.Request.ResourceMetrics[0].ScopeMetrics.ShouldHaveSingleItem().Scope.Name.ShouldBe("Crema");
        // samples/cloud-run/otel-collector.yaml renames none of these: Managed Prometheus reserves them for the resource.
        OtlpSeries.AttributeKeys(export.Request).SelectMany(k => k).Distinct()
            .ShouldAllBe(key => !new[] { "location", "cluster", "namespace", "job", "instance", "project_id" }.Contains(key));

        export.Headers["authorization"].ShouldBe("Bearer " + OtlpRig.Token);
        export.Headers["x-scope"].ShouldBe("crema-test");
        export.Headers["content-type"].ShouldBe("application/x-protobuf");
        rig.LogLines("OTLP metrics export").ShouldHaveSingleItem().ShouldContain("accepted");
        await NoSecretAsync(rig, receiver);
    }

    [Fact]
    public async Task Export_GrpcWithTriggerMetricsOff_NoSeriesHasATriggerAndValuesMatchMetrics()
    {
        await using var receiver = await OtlpReceiver.StartGrpcAsync();
        await using var rig = await OtlpRig.StartAsync(receiver.BaseAddress, new Dictionary<string, string> { ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "grpc" }, perTrigger: false);
        rig.Scalers.Values["b"] = double.NaN;
        await rig.Harness.AdvanceUntilAsync(async () => await rig.Harness.InstancesAsync(DaemonConfigs.PoolA) == 3
            && (await rig.Harness.MetricsAsync()).Contains("crema_trigger_errors_total{", StringComparison.Ordinal), OtlpRig.Poll, 40, "pool-a at 3, pool-b's reads failing");

        var export = await ExportMatchingMetricsAsync(rig, receiver);

        var keys = OtlpSeries.AttributeKeys(export.Request);
        keys.SelectMany(k => k).ShouldNotContain("trigger");
        keys.Select(k => k.Key).ShouldNotContain("crema_trigger_metric_value");
        keys["crema_trigger_errors_total"].Order().ShouldBe(["scaled_object", "type"]);
        keys["crema_trigger_read_duration_seconds"].Order().ShouldBe(["result", "type"]);
        export.Headers["authorization"].ShouldBe("Bearer " + OtlpRig.Token);
        export.Headers["content-type"].ShouldBe("application/grpc");
        await NoSecretAsync(rig, receiver);
    }

    [Fact]
    public async Task Export_CollectorDownThenFailingThenBack_ScalingGoesOnAndEachChangeIsLoggedOnce()
    {
        var port = FreeTcpPort.Next();
        await using var rig = await OtlpRig.StartAsync($"http://127.0.0.1:{port}");
        await rig.ScaledAsync();
        await EventuallyAsync(() => rig.LogLines("no answer (ConnectionError)").Length == 1, "the collector down is logged");

        await using var receiver = await OtlpReceiver.StartHttpAsync(port);
        receiver.Status = n => n <= 3 ? 503 : 200;
        await receiver.WaitForRequestsAsync(3, "three refused exports");
        rig.Scalers.Values["b"] = 4;
        await rig.ScaledAsync(b: 4);
        await receiver.WaitForAsync(e => Value(e, "crema_current_instances", "pool-b") == 4, "pool-b at 4 exported once the collector takes exports");

        // The receiver records an export before the exporter reads its answer: the recovery line may come a moment later.
        await EventuallyAsync(() => rig.LogLines("accepted again").Length == 1, "the recovery is logged");
        var lines = rig.LogLines("OTLP metrics export");
        lines.Length.ShouldBe(3, string.Join('\n', lines));
        lines[0].ShouldContain("failed: no answer (ConnectionError)");
        lines[1].ShouldContain("failed: HTTP 503");
        lines[2].ShouldContain("accepted again");
        lines.ShouldAllBe(l => !l.Contains(OtlpRig.Token));
    }

    [Fact]
    public async Task Export_GrpcCollectorRefusing_LoggedOnceWithItsStatusThenRecovery()
    {
        await using var receiver = await OtlpReceiver.StartGrpcAsync();
        receiver.Status = n => n <= 3 ? 503 : 200;
        await using var rig = await OtlpRig.StartAsync(receiver.BaseAddress, new Dictionary<string, string> { ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "grpc" });
        await rig.ScaledAsync();

        await receiver.WaitForAsync(_ => true, "an export taken after three refused");
        await EventuallyAsync(() => rig.LogLines("accepted again").Length == 1, "the recovery is logged");
        var lines = rig.LogLines("OTLP metrics export");
        lines.Length.ShouldBe(2, string.Join('\n', lines));
        lines[0].ShouldContain("failed: gRPC status 14 (Unavailable)");
    }

    [Fact]
    public async Task Export_CardinalityLimitOne_FurtherSeriesFoldedIntoTheOverflowSeries()
    {
        await using var receiver = await OtlpReceiver.StartHttpAsync();
        await using var rig = await OtlpRig.StartAsync(receiver.BaseAddress, new Dictionary<string, string> { ["CREMA_OTLP_CARDINALITY_LIMIT"] = "1" });
        await rig.ScaledAsync();

        var export = await receiver.WaitForAsync(e => OtlpSeries.Of(e.Request).Keys.Count(k => k.StartsWith("crema_current_instances{", StringComparison.Ordinal)) == 2,
            "one object's series and the overflow");

        var series = OtlpSeries.Of(export.Request).Keys.Where(k => k.StartsWith("crema_current_instances{", StringComparison.Ordinal)).ToList();
        series.ShouldContain("crema_current_instances{otel.metric.overflow=\"true\"}");
        rig.LogLines("the config has 2 scaled objects but OTLP keeps 1 series per metric").Length.ShouldBe(1, "said once, at start");
    }

    [Fact]
    public async Task Stop_CollectorNeverAnswers_DaemonStopsWithoutWaitingForIt()
    {
        using var collector = new TcpListener(IPAddress.Loopback, 0);
        collector.Start();
        using var stop = new CancellationTokenSource();
        var held = new ConcurrentQueue<TcpClient>();
        var accepting = Task.Run(async () =>
        {
            // Takes every connection and never answers: each export waits for its 30 s timeout.
            while (!stop.IsCancellationRequested)
            {
                held.Enqueue(await collector.AcceptTcpClientAsync(stop.Token));
            }
        });
        var rig = await OtlpRig.StartAsync($"http://127.0.0.1:{((IPEndPoint)collector.LocalEndpoint).Port}",
            new Dictionary<string, string> { ["OTEL_EXPORTER_OTLP_TIMEOUT"] = "30000" });
        await rig.ScaledAsync();
        await EventuallyAsync(() => !held.IsEmpty, "an export in flight");

        var clock = Stopwatch.StartNew();
        await rig.DisposeAsync();

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5), "the last export is waited for 1 s at most");
        await stop.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(accepting);
        foreach (var client in held)
        {
            client.Dispose();
        }
    }

    /// <summary>Waits for an export with pool-a at 3, scrapes /metrics, and returns the next export after it, checked to hold the same crema_* series.</summary>
    private static async Task<OtlpExport> ExportMatchingMetricsAsync(OtlpRig rig, OtlpReceiver receiver)
    {
        await receiver.WaitForAsync(e => Value(e, "crema_current_instances", "pool-a") == 3, "pool-a at 3 exported");
        // The loops are parked on the fake clock: no crema_* series moves, so a scrape and the next export agree.
        var scraped = CremaSeries(OtlpSeries.OfPrometheus(await rig.Harness.MetricsAsync()));
        var export = await receiver.WaitForAsync(_ => true, "an export after the scrape", receiver.Exports.Max(e => e.Sequence));
        var exported = CremaSeries(OtlpSeries.Of(export.Request));
        exported.Keys.Order(StringComparer.Ordinal).ShouldBe(scraped.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, value) in scraped)
        {
            exported[key].ShouldBe(value, Math.Max(1, Math.Abs(value)) * 1e-9, key);
        }
        scraped.Count.ShouldBeGreaterThan(60);
        return export;
    }

    private static Dictionary<string, double> CremaSeries(Dictionary<string, double> series) =>
        series.Where(s => s.Key.StartsWith("crema_", StringComparison.Ordinal)).ToDictionary(StringComparer.Ordinal);

    private static double? Value(OtlpExport export, string metric, string scaledObject) =>
        OtlpSeries.Of(export.Request).Where(s => s.Key.StartsWith(metric + "{scaled_object=\"" + scaledObject + "\"", StringComparison.Ordinal))
            .Select(s => (double?)s.Value).FirstOrDefault();

    private static async Task NoSecretAsync(OtlpRig rig, OtlpReceiver receiver)
    {
        var places = new List<(string Where, string Text)>
        {
            ("log", rig.Log.ToString()),
            ("/metrics", await rig.Harness.MetricsAsync()),
            ("/status", (await rig.Harness.StatusAsync()).ToString()),
        };
        places.AddRange(receiver.Exports.Select(e => ($"export {e.Sequence}", Encoding.UTF8.GetString(e.Body))));
        foreach (var secret in new[] { OtlpRig.Token, OtlpRig.Password })
        {
            foreach (var form in new[] { secret, Uri.EscapeDataString(secret), Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)), Convert.ToBase64String(Encoding.UTF8.GetBytes("reader:" + secret)) })
            {
                foreach (var (where, text) in places)
                {
                    text.ShouldNotContain(form, Case.Sensitive, $"{where} holds a secret");
                }
            }
        }
    }

    // Log lines come from the exporter's own thread; this waits for one (real time only for that I/O).
    private static async Task EventuallyAsync(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30), what);
            await Task.Delay(20);
        }
    }
}
