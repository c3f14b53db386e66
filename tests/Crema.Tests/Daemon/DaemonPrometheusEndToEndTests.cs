using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Crema.Tests.Scalers.Prometheus;
using Crema.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Crema.Tests.Daemon;

/// <summary>`crema run` end to end: a real Prometheus scrapes a queue's backlog; Crema scales the emulated pool.</summary>
public sealed class DaemonPrometheusEndToEndTests
{
    private const string Pool = "projects/e2e/locations/us-central1/workerPools/workers";

    [Fact]
    public async Task Run_BacklogRisesThenDrains_ScalesUpThenToZeroAfterCooldown()
    {
        var backlog = 0.0;
        await using var exporter = await HttpStub.StartAsync(context =>
        {
            context.Response.ContentType = "text/plain; version=0.0.4";
            return context.Response.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"# TYPE e2e_queue_backlog gauge\ne2e_queue_backlog {Volatile.Read(ref backlog)}\n"));
        });
        await using var prometheus = await PrometheusServer.StartAsync([new Uri(exporter.BaseAddress).Authority]);
        var yaml = DaemonConfigs.OneTrigger(Pool, "prometheus", "backlog", $"{{serverAddress: \"{prometheus.BaseAddress}\", query: e2e_queue_backlog, threshold: \"10\"}}");
        await using var harness = await DaemonHarness.StartAsync(yaml, new Dictionary<string, int> { [Pool] = 0 });

        Volatile.Write(ref backlog, 45);
        await WaitForPrometheusAsync(harness.Http, prometheus.BaseAddress, 45);
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(Pool) == 5, TimeSpan.FromSeconds(5), 20, "scale up to ceil(45 / 10)");
        var scaledUpAt = harness.Time.GetUtcNow();

        Volatile.Write(ref backlog, 0);
        await WaitForPrometheusAsync(harness.Http, prometheus.BaseAddress, 0);
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(Pool) == 0, TimeSpan.FromSeconds(5), 30, "scale to zero after cooldown");

        (harness.Time.GetUtcNow() - scaledUpAt).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(30));
        var history = await harness.Http.GetFromJsonAsync<JsonElement>(new Uri(harness.Emulator.BaseAddress, "emulator/history"));
        var counts = HistoryCounts(history, Pool);
        // Without a behavior block the HPA limits each step to max(2 x current, 4): 1 -> 4 -> 5.
        counts.ShouldBe([0, 1, 4, 5, 0]);
    }

    internal static int[] HistoryCounts(JsonElement history, string target)
    {
        var entries = history.ValueKind == JsonValueKind.Array ? history : history.GetProperty("history");
        return entries.EnumerateArray()
            .Where(e => e.GetProperty("target").GetString() == target)
            .Select(e => e.GetProperty("instanceCount").GetInt32())
            .ToArray();
    }

    /// <summary>Waits (bounded) for Prometheus to scrape the new value: readiness of an external server, not scaling logic.</summary>
    private static async Task WaitForPrometheusAsync(HttpClient http, string prometheus, double expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var body = await http.GetFromJsonAsync<JsonElement>($"{prometheus}/api/v1/query?query=e2e_queue_backlog");
            var result = body.GetProperty("data").GetProperty("result");
            if (result.GetArrayLength() == 1 && double.Parse(result[0].GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture) == expected)
            {
                return;
            }
            await Task.Delay(100);
        }
        throw new ShouldAssertException($"Prometheus did not scrape {expected} within 30 s");
    }
}
