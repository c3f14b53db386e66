using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Crema.Tests.Daemon;
using Crema.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Crema.Tests.Scalers.MetricsApi;

/// <summary>`crema run` end to end: an HTTP API (API key from a TriggerAuthentication) reports a backlog in JSON; Crema scales the emulated pool.</summary>
public sealed class MetricsApiDaemonEndToEndTests
{
    private const string Pool = "projects/e2e/locations/us-central1/workerPools/api-workers";
    private const string ApiKey = "mk-e2e-api-key";

    [Fact]
    public async Task Run_BacklogRisesThenDrains_ScalesUpThenToZeroAfterCooldown()
    {
        var backlog = 0;
        await using var api = await HttpStub.StartAsync(context =>
        {
            if (context.Request.Query["api_key"] != ApiKey)
            {
                context.Response.StatusCode = 401;
                return Task.CompletedTask;
            }
            context.Response.ContentType = "application/json";
            var value = Volatile.Read(ref backlog).ToString(CultureInfo.InvariantCulture);
            return context.Response.WriteAsync($$"""{"queues": [{"name": "mail", "waiting": 3}, {"name": "orders", "waiting": {{value}}}]}""");
        });
        var yaml = $$"""
            apiVersion: crema/v1
            kind: CremaConfig
            spec:
              pollingInterval: 5
              triggerAuthentications:
                - metadata: {name: stats-api}
                  spec:
                    env:
                      - {parameter: apiKey, name: STATS_API_KEY}
              scaledObjects:
                - spec:
                    scaleTargetRef: {name: {{Pool}}}
                    maxReplicaCount: 10
                    cooldownPeriod: 30
                    triggers:
                      - type: metrics-api
                        name: orders-backlog
                        metadata:
                          url: "{{api.BaseAddress}}/api/v1/queues"
                          valueLocation: 'queues.#(name=="orders").waiting'
                          targetValue: "10"
                          authMode: apiKey
                          method: query
                        authenticationRef: {name: stats-api}
            """;
        await using var harness = await DaemonHarness.StartAsync(yaml, new Dictionary<string, int> { [Pool] = 0 },
            environment: new Dictionary<string, string> { ["STATS_API_KEY"] = ApiKey });

        Volatile.Write(ref backlog, 45);
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(Pool) == 5, TimeSpan.FromSeconds(5), 20, "scale up to ceil(45 / 10)");
        var scaledUpAt = harness.Time.GetUtcNow();

        Volatile.Write(ref backlog, 0);
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(Pool) == 0, TimeSpan.FromSeconds(5), 30, "scale to zero after cooldown");

        (harness.Time.GetUtcNow() - scaledUpAt).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(30));
        var history = await harness.Http.GetFromJsonAsync<JsonElement>(new Uri(harness.Emulator.BaseAddress, "emulator/history"));
        // Without a behavior block the HPA limits each step to max(2 x current, 4): 1 -> 4 -> 5.
        DaemonPrometheusEndToEndTests.HistoryCounts(history, Pool).ShouldBe([0, 1, 4, 5, 0]);
        api.Requests.ShouldAllBe(r => r.Path == "/api/v1/queues" && r.Query["api_key"] == ApiKey);
        (await harness.StatusAsync()).ToString().ShouldNotContain(ApiKey);
        (await harness.MetricsAsync()).ShouldNotContain(ApiKey);
    }

    [Fact]
    public async Task Run_ApiFailsWhileScaledUp_HoldsTheCountInsteadOfScalingToZero()
    {
        var failing = false;
        await using var api = await HttpStub.StartAsync(context =>
        {
            if (Volatile.Read(ref failing))
            {
                context.Response.StatusCode = 503;
                return context.Response.WriteAsync("maintenance");
            }
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync("""{"waiting": "30"}""");
        });
        var yaml = DaemonConfigs.OneTrigger(Pool, "metrics-api", "waiting", $$"""{url: "{{api.BaseAddress}}/stats", valueLocation: waiting, targetValue: "10"}""");
        await using var harness = await DaemonHarness.StartAsync(yaml, new Dictionary<string, int> { [Pool] = 0 });

        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(Pool) == 3, TimeSpan.FromSeconds(5), 20, "scale up to ceil(30 / 10)");
        Volatile.Write(ref failing, true);
        for (var i = 0; i < 20; i++)
        {
            await harness.StepAsync(TimeSpan.FromSeconds(5), Pool);
        }

        (await harness.InstancesAsync(Pool)).ShouldBe(3);
        (await harness.ObjectStatusAsync(Pool)).ToString().ShouldContain("HTTP 503");
    }
}
