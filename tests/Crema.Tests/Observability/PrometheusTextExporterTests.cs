using System.Diagnostics.Metrics;

namespace Crema.Tests.Observability;

public sealed class PrometheusTextExporterTests
{
    [Fact]
    public void Scrape_CounterGaugeHistogram_RendersExpositionFormat()
    {
        using var meter = new Meter("test-" + Guid.NewGuid());
        using var exporter = new Crema.Host.Observability.PrometheusTextExporter(meter, [0.1, 1]);
        var counter = meter.CreateCounter<long>("app_requests_total", description: "Requests.");
        meter.CreateObservableGauge("app_queue_depth", () => new Measurement<double>(7, new KeyValuePair<string, object?>("queue", "a\"b")), description: "Depth.");
        var histogram = meter.CreateHistogram<double>("app_latency_seconds", description: "Latency.");

        counter.Add(2, new KeyValuePair<string, object?>("status", "200"));
        counter.Add(3, new KeyValuePair<string, object?>("status", "200"));
        histogram.Record(0.05);
        histogram.Record(0.5);
        histogram.Record(5);
        var text = exporter.Scrape();

        text.ShouldContain("# TYPE app_requests_total counter\napp_requests_total{status=\"200\"} 5\n");
        text.ShouldContain("# TYPE app_queue_depth gauge\napp_queue_depth{queue=\"a\\\"b\"} 7\n");
        text.ShouldContain("app_latency_seconds_bucket{le=\"0.1\"} 1\napp_latency_seconds_bucket{le=\"1\"} 2\napp_latency_seconds_bucket{le=\"+Inf\"} 3\n");
        text.ShouldContain("app_latency_seconds_sum 5.55\napp_latency_seconds_count 3\n");
    }

    [Fact]
    public async Task Scrape_AnyInstruments_PassesPromtool()
    {
        using var meter = new Meter("test-" + Guid.NewGuid());
        using var exporter = new Crema.Host.Observability.PrometheusTextExporter(meter, [0.1, 1]);
        meter.CreateCounter<long>("app_events_total", description: "Events.").Add(1, new KeyValuePair<string, object?>("kind", "x"));
        meter.CreateObservableGauge("app_value", () => 1.5, description: "A value.");
        meter.CreateHistogram<double>("app_duration_seconds", description: "Durations.").Record(0.2);

        var (exitCode, output) = await Promtool.CheckMetricsAsync(exporter.Scrape());

        exitCode.ShouldBe(0, output);
    }

    [Fact]
    public void Scrape_HistogramWithAdvisedBuckets_UsesItsOwnBoundsOthersTheDefault()
    {
        using var meter = new Meter("test-" + Guid.NewGuid());
        using var exporter = new Crema.Host.Observability.PrometheusTextExporter(meter, [0.1, 1]);
        var advised = meter.CreateHistogram<double>("app_poll_seconds", unit: "s", description: "Polls.", tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [5, 50] });
        var plain = meter.CreateHistogram<double>("app_read_seconds", description: "Reads.");

        advised.Record(7);
        plain.Record(0.5);
        var text = exporter.Scrape();

        text.ShouldContain("app_poll_seconds_bucket{le=\"5\"} 0\napp_poll_seconds_bucket{le=\"50\"} 1\napp_poll_seconds_bucket{le=\"+Inf\"} 1\n");
        text.ShouldContain("app_read_seconds_bucket{le=\"0.1\"} 0\napp_read_seconds_bucket{le=\"1\"} 1\n");
        text.ShouldNotContain("app_poll_seconds_bucket{le=\"0.1\"}");
    }

    [Fact]
    public void Scrape_Twice_GaugesReadAgainCountersAndHistogramsKeptAcrossInstrumentsWithTheSameLabels()
    {
        using var meter = new Meter("test-" + Guid.NewGuid());
        using var exporter = new Crema.Host.Observability.PrometheusTextExporter(meter, [1]);
        var objects = new List<string> { "a", "b" };
        meter.CreateObservableGauge("app_active", () => objects.Select(o => new Measurement<double>(1, new KeyValuePair<string, object?>("scaled_object", o))), description: "Active.");
        var polls = meter.CreateCounter<long>("app_polls_total", description: "Polls.");
        var durations = meter.CreateHistogram<double>("app_poll_seconds", description: "Poll time.");
        polls.Add(1, new KeyValuePair<string, object?>("scaled_object", "a"));
        durations.Record(0.5, new KeyValuePair<string, object?>("scaled_object", "a"));

        var first = exporter.Scrape();
        objects.Remove("b");
        polls.Add(2, new KeyValuePair<string, object?>("scaled_object", "a"));
        var second = exporter.Scrape();

        first.ShouldContain("app_active{scaled_object=\"b\"} 1\n");
        second.ShouldContain("app_active{scaled_object=\"a\"} 1\n");
        second.ShouldNotContain("app_active{scaled_object=\"b\"}", customMessage: "a gauge is what its callback reports now");
        second.ShouldContain("app_polls_total{scaled_object=\"a\"} 3\n");
        second.ShouldContain("app_poll_seconds_count{scaled_object=\"a\"} 1\n");
    }
}
