using Crema.Tests.Scalers.Kafka;

namespace Crema.Tests.Daemon;

/// <summary>Daemon + emulator + the sarama mock broker: consumer-group lag scales a pool up and back to zero.</summary>
[Collection(KafkaMockBrokerCollection.Name)]
public sealed class DaemonKafkaEndToEndTests
{
    private const string Pool = "projects/e2e/locations/us-central1/workerPools/consumers";

    [Fact]
    public async Task Run_LagGrowsThenIsConsumed_ScalesUpThenToZero()
    {
        await using var broker = new KafkaMockBroker();
        var bootstrap = await broker.StartAsync(State(end: 1000, committed: 1000));
        var yaml = DaemonConfigs.OneTrigger(Pool, "kafka", "lag", $"{{bootstrapServers: \"{bootstrap}\", consumerGroup: billing, topic: invoices, lagThreshold: \"50\"}}");
        await using var harness = await DaemonHarness.StartAsync(yaml, new Dictionary<string, int> { [Pool] = 0 });
        await harness.AdvanceUntilAsync(async () => (await harness.StatusAsync()).GetProperty("scaledObjects")[0].GetProperty("lastPollAt").ValueKind == System.Text.Json.JsonValueKind.String,
            TimeSpan.FromSeconds(5), 10, "first poll");
        (await harness.InstancesAsync(Pool)).ShouldBe(0, "no lag, no consumers");

        await broker.SetStateAsync(State(end: 1200, committed: 1000));
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(Pool) == 4, TimeSpan.FromSeconds(5), 20, "lag 4 x 200 = 800 over 4 partitions, 50 per consumer, capped at 4 partitions");

        await broker.SetStateAsync(State(end: 1200, committed: 1200));
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(Pool) == 0, TimeSpan.FromSeconds(5), 30, "lag consumed: back to zero after cooldown");
    }

    private static KafkaMockState State(long end, long committed) => new()
    {
        Topics = new Dictionary<string, int> { ["invoices"] = 4 },
        EndOffsets = new Dictionary<string, IReadOnlyDictionary<int, long>> { ["invoices"] = Enumerable.Range(0, 4).ToDictionary(p => p, _ => end) },
        Committed = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<int, long>>>
        {
            ["billing"] = new Dictionary<string, IReadOnlyDictionary<int, long>> { ["invoices"] = Enumerable.Range(0, 4).ToDictionary(p => p, _ => committed) },
        },
        Coordinators = new Dictionary<string, int> { ["billing"] = 1 },
    };
}
