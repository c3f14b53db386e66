using System.Globalization;
using Crema.Host.Observability;
using Crema.Host.Status;

namespace Crema.Benchmarks;

/// <summary>
/// One /metrics scrape (CremaMetrics' observable gauges read from the StatusStore, rendered by
/// PrometheusTextExporter) with 500 scaled objects of 3 triggers each, after a few counters and
/// poll-duration observations per object.
/// </summary>
internal static class MetricsBenchmark
{
    private const int Objects = 500;

    public static void Run(TextWriter output)
    {
        var status = new StatusStore();
        using var metrics = new CremaMetrics(status);
        status.SetConfig(new ConfigStatus("bench.yaml", DateTimeOffset.UnixEpoch, null, null));
        for (var i = 0; i < Objects; i++)
        {
            var name = "worker-" + i.ToString("D4", CultureInfo.InvariantCulture);
            var target = "projects/bench/locations/us-central1/workerPools/" + name;
            status.Set(new ObjectStatus
            {
                Name = name,
                Target = target,
                Current = i % 7,
                Desired = i % 9,
                Active = i % 2 == 0,
                PollingIntervalSeconds = 30,
                Triggers =
                [
                    new TriggerStatus("backlog", "prometheus", i * 3.5, 25, true, false, 0, null, null, null),
                    new TriggerStatus("lag", "kafka", i * 10, 50, i % 3 == 0, false, i % 4, null, null, null),
                    new TriggerStatus("jobs", "github-runner", i % 11, 1, i % 5 == 0, false, 0, null, null,
                        new Dictionary<string, double> { ["api_requests"] = 3, ["not_modified"] = 2 }),
                ],
            });
            metrics.PollDuration(name, TimeSpan.FromMilliseconds(i % 100));
            metrics.ScaleOperation(name, "applied");
            metrics.TriggerError(name, "lag");
        }
        var text = metrics.Exporter.Scrape();
        var series = text.Split('\n').Count(l => l.Length > 0 && l[0] != '#');
        var measurement = Measurement.Run($"metrics: scrape {Objects} objects x 3 triggers", () => metrics.Exporter.Scrape(), 20, TimeSpan.FromSeconds(3));
        measurement.Write(output);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  = {series:N0} series, {text.Length / 1024.0:0} KiB of text per scrape"));
    }
}
