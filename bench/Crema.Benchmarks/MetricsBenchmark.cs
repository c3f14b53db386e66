using System.Globalization;
using Crema.Host.Observability;
using Crema.Host.Status;

namespace Crema.Benchmarks;

/// <summary>
/// One /metrics scrape (CremaMetrics' observable gauges read from the StatusStore, rendered by
/// PrometheusTextExporter) after a few counters, poll-duration, read-duration and instance-seconds
/// observations per object: 500 scaled objects of 3 triggers each, then 10,000 objects of one trigger
/// with per-trigger series on (the default) and off (<c>--trigger-metrics off</c>).
/// </summary>
internal static class MetricsBenchmark
{
    public static void Run(TextWriter output)
    {
        Scrape(output, 500, 3, perTrigger: true);
        Scrape(output, 10_000, 1, perTrigger: true);
        Scrape(output, 10_000, 1, perTrigger: false);
    }

    private static void Scrape(TextWriter output, int objects, int triggers, bool perTrigger)
    {
        var status = new StatusStore();
        using var metrics = new CremaMetrics(status, perTrigger);
        status.SetConfig(new ConfigStatus("bench.yaml", DateTimeOffset.UnixEpoch, null, null));
        for (var i = 0; i < objects; i++)
        {
            var name = "worker-" + i.ToString("D5", CultureInfo.InvariantCulture);
            var target = "projects/bench/locations/us-central1/workerPools/" + name;
            TriggerStatus[] all =
            [
                new TriggerStatus("backlog", "prometheus", i * 3.5, 25, true, false, 0, null, null, null),
                new TriggerStatus("lag", "kafka", i * 10, 50, i % 3 == 0, false, i % 4, null, null, null),
                new TriggerStatus("jobs", "github-runner", i % 11, 1, i % 5 == 0, false, 0, null, null,
                    new Dictionary<string, double> { ["api_requests"] = 3, ["not_modified"] = 2 }),
            ];
            status.Set(new ObjectStatus
            {
                Name = name,
                Target = target,
                Current = i % 7,
                Desired = i % 9,
                Active = i % 2 == 0,
                PollingIntervalSeconds = 30,
                Triggers = all[..triggers],
            });
            metrics.PollDuration(name, TimeSpan.FromMilliseconds(i % 100));
            metrics.ScaleOperation(name, "applied");
            metrics.TriggerError(name, all[0].Name, all[0].Type);
            metrics.TriggerRead(all[0].Type, ok: true, TimeSpan.FromMilliseconds(i % 50));
            metrics.InstanceSeconds(name, target, 30.0 * (i % 7));
            metrics.CloudRunCall("get", target, 200);
        }
        var text = metrics.Exporter.Scrape();
        var series = text.Split('\n').Count(l => l.Length > 0 && l[0] != '#');
        var what = $"metrics: scrape {objects:N0} objects x {triggers} trigger{(triggers == 1 ? "" : "s")}{(perTrigger ? "" : ", --trigger-metrics off")}";
        var measurement = Measurement.Run(what, () => metrics.Exporter.Scrape(), 5, TimeSpan.FromSeconds(3));
        measurement.Write(output);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  = {series:N0} series ({series / (double)objects:0.#} per object), {text.Length / 1024.0 / 1024.0:0.0} MiB of text per scrape"));
    }
}
