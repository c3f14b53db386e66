using System.Text.Json;
using Crema.Abstractions;
using Crema.Scalers.Kafka;
using Crema.Tests.Support;

namespace Crema.Tests.Scalers.Kafka;

[Collection(KafkaMockBrokerCollection.Name)]
public sealed class KafkaMockBrokerIntegrationTests
{
    private static readonly Dictionary<string, IReadOnlyDictionary<int, long>> OrdersEnd = new() { ["orders"] = new Dictionary<int, long> { [0] = 1000, [1] = 500 } };
    private static readonly Dictionary<string, IReadOnlyDictionary<int, long>> OrdersCommitted = new() { ["orders"] = new Dictionary<int, long> { [0] = 900, [1] = 450 } };

    private static KafkaMockState TwoPartitions(int brokers = 1) => new()
    {
        Brokers = brokers,
        Topics = new Dictionary<string, int> { ["orders"] = 2 },
        EndOffsets = OrdersEnd,
        Committed = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<int, long>>> { ["g1"] = OrdersCommitted },
    };

    private static IScaler CreateScaler(string bootstrap, Dictionary<string, string> extra)
    {
        var metadata = new Dictionary<string, string> { ["bootstrapServers"] = bootstrap, ["consumerGroup"] = "g1", ["lagThreshold"] = "10" };
        foreach (var (key, value) in extra)
        {
            metadata[key] = value;
        }
        return new KafkaScalerFactory().Create(new ScalerContext { TriggerType = "kafka", TriggerName = "0", ScaledObjectName = "so", Metadata = metadata });
    }

    [Fact]
    public async Task ReadAsync_TwoBrokers_LagMatchesPythonKafkaOnSameBroker()
    {
        await using var broker = new KafkaMockBroker();
        var bootstrap = await broker.StartAsync(TwoPartitions(brokers: 2));
        await using var scaler = CreateScaler(bootstrap, new() { ["topic"] = "orders", ["allowIdleConsumers"] = "true" });

        var reading = await scaler.ReadAsync(CancellationToken.None);
        var python = await RunPythonAsync(bootstrap, "g1", "orders");

        reading.Value.ShouldBe(150);
        python.GetProperty("lag").GetInt64().ShouldBe(150);
        python.GetProperty("partitions").GetProperty("0").GetProperty("end").GetInt64().ShouldBe(1000);
        python.GetProperty("partitions").GetProperty("1").GetProperty("committed").GetInt64().ShouldBe(450);
        reading.Target.ShouldBe(10);
        reading.IsActive.ShouldBeTrue();
        reading.Details!["partitions"].ShouldBe(2);
        (await broker.GetErrorsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task ReadAsync_ThreeLeaders_AsksEachLeaderAndReusesConnections()
    {
        await using var broker = new KafkaMockBroker();
        var state = new KafkaMockState
        {
            Brokers = 3,
            Topics = new Dictionary<string, int> { ["orders"] = 3 },
            EndOffsets = new Dictionary<string, IReadOnlyDictionary<int, long>> { ["orders"] = new Dictionary<int, long> { [0] = 10, [1] = 20, [2] = 30 } },
            Committed = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<int, long>>> { ["g1"] = new Dictionary<string, IReadOnlyDictionary<int, long>> { ["orders"] = new Dictionary<int, long> { [0] = 5, [1] = 5, [2] = 5 } } },
            Coordinators = new Dictionary<string, int> { ["g1"] = 2 },
        };
        var bootstrap = await broker.StartAsync(state);
        var metadata = new KafkaMetadata { BootstrapServers = [Endpoint(bootstrap)], ConsumerGroup = "g1", Topic = "orders" };
        var pool = new KafkaClientPool();
        var reader = new KafkaOffsetReader(metadata, pool.Acquire("k", () => KafkaAdmin.Create(metadata, Context(bootstrap))));

        var first = await reader.ReadAsync(CancellationToken.None);
        var afterFirst = await broker.GetConnectionsAsync();
        var second = await reader.ReadAsync(CancellationToken.None);

        first.Select(p => (p.Partition.Partition, p.Committed, p.End)).ShouldBe([(0, 5L, (long?)10), (1, 5L, 20), (2, 5L, 30)]);
        second.ShouldBe(first);
        afterFirst.Values.ShouldAllBe(count => count >= 1, "each of the three leaders was asked");
        (await broker.GetConnectionsAsync()).ShouldBe(afterFirst, "the second read reuses the connections");
        (await broker.GetErrorsAsync()).ShouldBeEmpty();
        await reader.DisposeAsync();
        pool.Count.ShouldBe(0);
    }

    [Fact]
    public async Task ReadAsync_OffsetsChangeWhileRunning_ReflectsNewOffsets()
    {
        await using var broker = new KafkaMockBroker();
        var bootstrap = await broker.StartAsync(TwoPartitions());
        await using var scaler = CreateScaler(bootstrap, new() { ["topic"] = "orders", ["activationLagThreshold"] = "5" });
        (await scaler.ReadAsync(CancellationToken.None)).Value.ShouldBe(20); // 150 capped at 2 partitions * 10

        await broker.SetStateAsync(TwoPartitions() with
        {
            Committed = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<int, long>>>
            {
                ["g1"] = new Dictionary<string, IReadOnlyDictionary<int, long>> { ["orders"] = new Dictionary<int, long> { [0] = 997, [1] = 500 } },
            },
        });
        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(3);
        reading.IsActive.ShouldBeFalse();
    }

    [Fact]
    public async Task ReadAsync_NoTopic_SumsEveryTopicTheGroupCommitted()
    {
        await using var broker = new KafkaMockBroker();
        var bootstrap = await broker.StartAsync(TwoPartitions() with
        {
            Topics = new Dictionary<string, int> { ["orders"] = 2, ["audit"] = 1, ["unrelated"] = 1 },
            EndOffsets = new Dictionary<string, IReadOnlyDictionary<int, long>>(OrdersEnd)
            {
                ["audit"] = new Dictionary<int, long> { [0] = 70 },
                ["unrelated"] = new Dictionary<int, long> { [0] = 1_000_000 },
            },
            Committed = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<int, long>>>
            {
                ["g1"] = new Dictionary<string, IReadOnlyDictionary<int, long>>(OrdersCommitted) { ["audit"] = new Dictionary<int, long> { [0] = 60 } },
            },
        });
        await using var scaler = CreateScaler(bootstrap, new() { ["allowIdleConsumers"] = "true" });

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(160);
        reading.Details!["partitions"].ShouldBe(3);
    }

    [Fact]
    public async Task ReadAsync_CoordinatorNotAvailableTwice_Retries()
    {
        await using var broker = new KafkaMockBroker();
        var bootstrap = await broker.StartAsync(TwoPartitions() with { CoordinatorNotAvailable = 2 });
        await using var scaler = CreateScaler(bootstrap, new() { ["topic"] = "orders", ["allowIdleConsumers"] = "true" });

        (await scaler.ReadAsync(CancellationToken.None)).Value.ShouldBe(150);
    }

    [Fact]
    public async Task ReadAsync_PartitionWithoutCommit_CountsOneUnderLatestPolicy()
    {
        await using var broker = new KafkaMockBroker();
        var bootstrap = await broker.StartAsync(TwoPartitions() with
        {
            Committed = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<int, long>>>
            {
                ["g1"] = new Dictionary<string, IReadOnlyDictionary<int, long>> { ["orders"] = new Dictionary<int, long> { [0] = 1000 } },
            },
        });
        await using var latest = CreateScaler(bootstrap, new() { ["topic"] = "orders" });
        await using var earliest = CreateScaler(bootstrap, new() { ["topic"] = "orders", ["offsetResetPolicy"] = "earliest", ["allowIdleConsumers"] = "true" });
        await using var partitionOne = CreateScaler(bootstrap, new() { ["topic"] = "orders", ["partitionLimitation"] = "0" });

        var reading = await latest.ReadAsync(CancellationToken.None);
        reading.Value.ShouldBe(1);
        reading.IsActive.ShouldBeTrue();
        reading.Note!.ShouldContain("without a committed offset");
        (await earliest.ReadAsync(CancellationToken.None)).Value.ShouldBe(500);
        (await partitionOne.ReadAsync(CancellationToken.None)).Value.ShouldBe(0);
    }

    [Fact]
    public async Task ReadAsync_UnknownTopic_Throws()
    {
        await using var broker = new KafkaMockBroker();
        var bootstrap = await broker.StartAsync(TwoPartitions());
        await using var scaler = CreateScaler(bootstrap, new() { ["topic"] = "missing" });

        var error = await Should.ThrowAsync<KafkaReadException>(async () => await scaler.ReadAsync(CancellationToken.None));
        error.Message.ShouldContain("\"missing\"");
        error.Message.ShouldContain(bootstrap);
    }

    private static ScalerContext Context(string bootstrap) => new()
    {
        TriggerType = "kafka", TriggerName = "0", ScaledObjectName = "so",
        Metadata = new Dictionary<string, string> { ["bootstrapServers"] = bootstrap, ["consumerGroup"] = "g1" },
    };

    private static BrokerEndpoint Endpoint(string address)
    {
        BrokerEndpoint.TryParse(address, out var endpoint).ShouldBeTrue();
        return endpoint;
    }

    private static async Task<JsonElement> RunPythonAsync(string bootstrap, string group, string topic)
    {
        var script = Path.Combine(KafkaMockBroker.SourceDirectory(), "kafka_lag_check.py");
        var (exitCode, output, errors) = await ToolRun.RunAsync("/usr/bin/python3", [script, bootstrap, group, topic], timeout: TimeSpan.FromSeconds(60));
        exitCode.ShouldBe(0, errors);
        return JsonDocument.Parse(output).RootElement.Clone();
    }
}
