using Crema.Tests.Daemon;
using Crema.Tests.Support;

namespace Crema.Tests.Scalers.Etcd;

/// <summary>
/// `crema run` end to end against a real etcd: the key's value scales the emulated worker pool up and back to
/// zero, a watched change scales it from zero without waiting for a poll, and a server that goes down holds it.
/// </summary>
public sealed class EtcdDaemonEndToEndTests(EtcdFixture etcd) : IClassFixture<EtcdFixture>
{
    private const string Pool = "projects/e2e/locations/us-central1/workerPools/etcd-workers";

    [Fact]
    public async Task Run_ValueRisesThenFalls_ScalesUpThenToZeroAfterCooldown()
    {
        var key = "crema/e2e-" + Guid.NewGuid().ToString("N")[..8];
        await etcd.Server.PutAsync(key, "0");
        var yaml = DaemonConfigs.OneTrigger(Pool, "etcd", "batches", $"{{endpoints: \"{etcd.Server.Address}\", watchKey: {key}, value: \"10\"}}");
        await using var harness = await DaemonHarness.StartAsync(yaml, new Dictionary<string, int> { [Pool] = 0 });

        await etcd.Server.PutAsync(key, "45");
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(Pool) == 5, TimeSpan.FromSeconds(5), 20, "scale up to ceil(45 / 10)");
        var scaledUpAt = harness.Time.GetUtcNow();
        await etcd.Server.PutAsync(key, "0");
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(Pool) == 0, TimeSpan.FromSeconds(5), 30, "scale to zero after cooldown");

        (harness.Time.GetUtcNow() - scaledUpAt).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(30));
        // Without a behavior block the HPA limits each step to max(2 x current, 4): 1 -> 4 -> 5.
        (await harness.HistoryAsync(Pool)).ShouldBe([0, 1, 4, 5, 0]);
    }

    [Fact]
    public async Task Run_WatchedKeyBecomesActiveWhileAtZero_ScalesToOneWithoutAPoll()
    {
        var key = "crema/push-" + Guid.NewGuid().ToString("N")[..8];
        await etcd.Server.PutAsync(key, "0");
        var yaml = $$"""
            apiVersion: crema/v1
            kind: CremaConfig
            spec:
              pollingInterval: 60
              scaledObjects:
                - spec:
                    scaleTargetRef: {name: {{Pool}}}
                    maxReplicaCount: 5
                    triggers:
                      - type: etcd
                        name: batches
                        metadata: {endpoints: "{{etcd.Server.Address}}", watchKey: {{key}}, value: "10"}
            """;
        var watchers = await etcd.Server.WatcherCountAsync();
        await using var harness = await DaemonHarness.StartAsync(yaml, new Dictionary<string, int> { [Pool] = 0 });
        await harness.AdvanceUntilAsync(
            async () => (await harness.ObjectStatusAsync(Pool)).GetProperty("lastPollAt").ValueKind == System.Text.Json.JsonValueKind.String,
            TimeSpan.Zero, 200, "first poll (inactive)");
        await etcd.Server.WaitForWatchersAsync(watchers + 1);
        (await harness.InstancesAsync(Pool)).ShouldBe(0);

        var changedAt = harness.Time.GetUtcNow();
        await etcd.Server.PutAsync(key, "3");
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(Pool) == 1, TimeSpan.Zero, 250, "the watched change scales 0 -> 1");

        (harness.Time.GetUtcNow() - changedAt).ShouldBe(TimeSpan.Zero, "no poll was needed: the watch itself triggered the scale-up");
    }

    [Fact]
    public async Task Run_ServerGoesDown_HoldsThePoolAndReportsTheServer()
    {
        await using var server = await EtcdServer.StartAsync();
        await server.PutAsync("jobs", "25");
        var yaml = DaemonConfigs.OneTrigger(Pool, "etcd", "batches", $"{{endpoints: \"{server.Address}\", watchKey: jobs, value: \"10\"}}");
        await using var harness = await DaemonHarness.StartAsync(yaml, new Dictionary<string, int> { [Pool] = 0 });
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(Pool) == 3, TimeSpan.FromSeconds(5), 20, "scale up to ceil(25 / 10)");

        await server.KillAsync();
        for (var poll = 0; poll < 10; poll++)
        {
            await harness.StepAsync(TimeSpan.FromSeconds(5), Pool);
        }

        (await harness.InstancesAsync(Pool)).ShouldBe(3, "a source that fails never scales the pool down, cooldown or not");
        var error = (await harness.ObjectStatusAsync(Pool)).GetProperty("triggers")[0].GetProperty("lastError").GetString();
        error.ShouldNotBeNull().ShouldStartWith($"etcd at {server.Address} (cleartext, no user): Range \"jobs\": UNAVAILABLE");
    }
}
