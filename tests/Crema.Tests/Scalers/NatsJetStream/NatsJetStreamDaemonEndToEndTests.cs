using Crema.Tests.Daemon;

namespace Crema.Tests.Scalers.NatsJetStream;

/// <summary>`crema run` end to end: a real JetStream consumer falls behind and catches up; Crema scales the emulated pool up, then to zero.</summary>
public sealed class NatsJetStreamDaemonEndToEndTests(NatsServerFixture fixture) : IClassFixture<NatsServerFixture>
{
    private const string Pool = "projects/e2e/locations/us-central1/workerPools/nats-workers";

    [Fact]
    public async Task Run_ConsumerFallsBehindThenCatchesUp_ScalesUpThenToZeroAfterCooldown()
    {
        var stream = await fixture.NewStreamAsync();
        var yaml = DaemonConfigs.OneTrigger(Pool, "nats-jetstream", "orders",
            $"{{natsServerMonitoringEndpoint: \"{fixture.Server.MonitoringEndpoint}\", account: \"$G\", stream: {stream}, consumer: worker, lagThreshold: \"10\"}}");
        await using var harness = await DaemonHarness.StartAsync(yaml, new Dictionary<string, int> { [Pool] = 0 });
        await using var client = await fixture.Server.ConnectAsync();

        await client.PublishAsync(stream + ".new", 45);
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(Pool) == 5, TimeSpan.FromSeconds(5), 20, "scale up to ceil(45 / 10)");
        var scaledUpAt = harness.Time.GetUtcNow();

        await client.FetchAndAckAsync(stream, "worker", 45);
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(Pool) == 0, TimeSpan.FromSeconds(5), 30, "scale to zero after cooldown");

        (harness.Time.GetUtcNow() - scaledUpAt).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(30));
        // Without a behavior block the HPA limits each step to max(2 x current, 4): 1 -> 4 -> 5.
        (await harness.HistoryAsync(Pool)).ShouldBe([0, 1, 4, 5, 0]);
    }
}
