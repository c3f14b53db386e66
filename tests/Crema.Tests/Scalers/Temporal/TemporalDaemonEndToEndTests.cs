using System.Net.Http.Json;
using System.Text.Json;
using Crema.Tests.Daemon;
using Temporalio.Api.Enums.V1;

namespace Crema.Tests.Scalers.Temporal;

/// <summary>`crema run` end to end: a Temporal frontend (TLS, API key from a TriggerAuthentication) reports a backlog; Crema scales the emulated pool.</summary>
public sealed class TemporalDaemonEndToEndTests
{
    private const string Pool = "projects/e2e/locations/us-central1/workerPools/temporal-workers";
    private const string ApiKey = "tc-e2e-api-key";

    [Fact]
    public async Task Run_BacklogRisesThenDrains_ScalesUpThenToZeroAfterCooldown()
    {
        using var certificates = TemporalTestCertificates.Create();
        await using var server = await TemporalFrontendServer.StartAsync(certificates.Server);
        server.Frontend.RequiredApiKey = ApiKey;
        server.Frontend.Namespaces["orders-prod"] = true;
        server.Frontend.SetBacklog("orders", TaskQueueType.Workflow, 0);
        server.Frontend.SetBacklog("orders", TaskQueueType.Activity, 0);
        var yaml = $$"""
            apiVersion: crema/v1
            kind: CremaConfig
            spec:
              pollingInterval: 5
              triggerAuthentications:
                - metadata: {name: temporal-cloud}
                  spec:
                    env:
                      - {parameter: apiKey, name: TEMPORAL_API_KEY}
                      - {parameter: ca, name: TEMPORAL_CA}
              scaledObjects:
                - spec:
                    scaleTargetRef: {name: {{Pool}}}
                    maxReplicaCount: 10
                    cooldownPeriod: 30
                    triggers:
                      - type: temporal
                        name: orders-backlog
                        metadata: {endpoint: "{{server.Endpoint}}", namespace: orders-prod, taskQueue: orders, queueTypes: "workflow,activity", targetQueueSize: "10"}
                        authenticationRef: {name: temporal-cloud}
            """;
        await using var harness = await DaemonHarness.StartAsync(yaml, new Dictionary<string, int> { [Pool] = 0 },
            environment: new Dictionary<string, string> { ["TEMPORAL_API_KEY"] = ApiKey, ["TEMPORAL_CA"] = certificates.CaPem });

        server.Frontend.SetBacklog("orders", TaskQueueType.Workflow, 30);
        server.Frontend.SetBacklog("orders", TaskQueueType.Activity, 15);
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(Pool) == 5, TimeSpan.FromSeconds(5), 20, "scale up to ceil(45 / 10)");
        var scaledUpAt = harness.Time.GetUtcNow();

        server.Frontend.SetBacklog("orders", TaskQueueType.Workflow, 0);
        server.Frontend.SetBacklog("orders", TaskQueueType.Activity, 0);
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(Pool) == 0, TimeSpan.FromSeconds(5), 30, "scale to zero after cooldown");

        (harness.Time.GetUtcNow() - scaledUpAt).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(30));
        var history = await harness.Http.GetFromJsonAsync<JsonElement>(new Uri(harness.Emulator.BaseAddress, "emulator/history"));
        // Without a behavior block the HPA limits each step to max(2 x current, 4): 1 -> 4 -> 5.
        DaemonPrometheusEndToEndTests.HistoryCounts(history, Pool).ShouldBe([0, 1, 4, 5, 0]);
        var call = server.Frontend.Calls[^1];
        call.Headers["authorization"].ShouldBe("Bearer " + ApiKey);
        call.Headers["temporal-namespace"].ShouldBe("orders-prod");
        (await harness.StatusAsync()).ToString().ShouldNotContain(ApiKey);
        (await harness.MetricsAsync()).ShouldNotContain(ApiKey);
    }
}
