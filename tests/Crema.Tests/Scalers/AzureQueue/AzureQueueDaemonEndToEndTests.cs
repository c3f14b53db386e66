using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Queues;
using Crema.Tests.Daemon;
using Microsoft.Extensions.Logging;

namespace Crema.Tests.Scalers.AzureQueue;

/// <summary>`crema run` end to end against Azurite: messages arrive and are consumed; Crema scales the emulated pool up and back to zero; a wrong key never scales it down.</summary>
public sealed class AzureQueueDaemonEndToEndTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private const string Pool = "projects/e2e/locations/us-central1/workerPools/azure-queue-workers";

    [Fact]
    public async Task Run_QueueFillsThenDrains_ScalesUpThenToZeroAfterCooldown()
    {
        var queue = new QueueClient(fixture.Server.ConnectionString(), "e2e-orders");
        await queue.CreateIfNotExistsAsync();
        await WarmUpAsync();
        var log = new StringWriter();
        await using var harness = await DaemonHarness.StartAsync(Yaml("e2e-orders"), new Dictionary<string, int> { [Pool] = 0 },
            environment: new Dictionary<string, string> { ["STORAGE_CONNECTION"] = fixture.Server.ConnectionString() },
            configure: o => o with { LogOutput = TextWriter.Synchronized(log), LogLevel = LogLevel.Debug });

        for (var i = 0; i < 45; i++)
        {
            await queue.SendMessageAsync($"order {i}");
        }
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(Pool) == 5, TimeSpan.FromSeconds(5), 20, "scale up to ceil(45 / 10)");
        var scaledUpAt = harness.Time.GetUtcNow();

        await queue.ClearMessagesAsync();
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(Pool) == 0, TimeSpan.FromSeconds(5), 30, "scale to zero after cooldown");

        (harness.Time.GetUtcNow() - scaledUpAt).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(30));
        var history = await harness.Http.GetFromJsonAsync<JsonElement>(new Uri(harness.Emulator.BaseAddress, "emulator/history"));
        DaemonPrometheusEndToEndTests.HistoryCounts(history, Pool).ShouldBe([0, 1, 4, 5, 0]);
        log.ToString().ShouldNotContain(AzuriteServer.AccountKey);
    }

    [Fact]
    public async Task Run_WrongKey_ReportsTheErrorAndNeverScalesDown()
    {
        const string wrongKey = "bm90LXRoZS1hY2NvdW50LWtleS1ub3QtdGhlLWFjY291bnQta2V5LW5vdC10aGUta2V5IQ==";
        var queue = new QueueClient(fixture.Server.ConnectionString(), "e2e-bad-key");
        await queue.CreateIfNotExistsAsync();
        await WarmUpAsync();
        var log = new StringWriter();
        await using var harness = await DaemonHarness.StartAsync(Yaml("e2e-bad-key"), new Dictionary<string, int> { [Pool] = 3 },
            environment: new Dictionary<string, string> { ["STORAGE_CONNECTION"] = fixture.Server.ConnectionString(wrongKey) },
            configure: o => o with { LogOutput = TextWriter.Synchronized(log), LogLevel = LogLevel.Debug });

        for (var i = 0; i < 12; i++)
        {
            await harness.StepAsync(TimeSpan.FromSeconds(5), Pool);
        }

        (await harness.InstancesAsync(Pool)).ShouldBe(3);
        var status = (await harness.StatusAsync()).ToString();
        status.ShouldContain("AuthenticationFailed");
        foreach (var text in new[] { status, await harness.MetricsAsync(), log.ToString() })
        {
            text.ShouldNotContain(wrongKey);
            text.ShouldNotContain(wrongKey.TrimEnd('='));
            text.ShouldNotContain("SharedKey", Case.Insensitive);
        }
    }

    /// <summary>One read before the daemon starts, so the SDK's first-use cost is not spent inside the daemon's first poll (its deadline runs on the fake clock).</summary>
    private async Task WarmUpAsync()
    {
        await using var scaler = AzureQueueTriggers.Create(fixture.Server.ConnectionString(), "warm-up");
        await Should.ThrowAsync<Exception>(() => scaler.ReadAsync(CancellationToken.None).AsTask());
    }

    private static string Yaml(string queue) => $$"""
        apiVersion: crema/v1
        kind: CremaConfig
        spec:
          pollingInterval: 5
          triggerAuthentications:
            - metadata: {name: storage}
              spec:
                env:
                  - {parameter: connection, name: STORAGE_CONNECTION}
          scaledObjects:
            - spec:
                scaleTargetRef: {name: {{Pool}}}
                maxReplicaCount: 10
                cooldownPeriod: 30
                triggers:
                  - type: azure-queue
                    name: orders-queue
                    metadata: {queueName: {{queue}}, queueLength: "10"}
                    authenticationRef: {name: storage}
        """;
}
