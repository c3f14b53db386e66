using System.Diagnostics;
using Crema.Abstractions;
using Crema.Scalers.Redis;
using Crema.Tests.Support;
using StackExchange.Redis;

namespace Crema.Tests.Scalers.Redis;

/// <summary>The <c>redis-cluster</c> and <c>redis-cluster-streams</c> triggers against a real three-primary Redis Cluster.</summary>
public sealed class RedisClusterScalerTests(RedisClusterFixture cluster) : IClassFixture<RedisClusterFixture>
{
    private readonly RedisConnectionPool pool = new();

    [Fact]
    public async Task Read_ListOnEachPrimary_ReadsItFromTheNodeThatOwnsIt()
    {
        for (var node = 0; node < 3; node++)
        {
            var key = cluster.KeyOn(node, "jobs");
            await cluster.Admin().ListRightPushAsync(key, Enumerable.Range(0, node + 2).Select(i => (RedisValue)i).ToArray());

            var reading = await ReadListAsync($"addresses={cluster.Addresses}|listName={key}|listLength=2");

            reading.ShouldBe(new MetricReading(node + 2, 2, true), $"key {key} on node {node}");
        }
    }

    [Fact]
    public async Task Read_OneSeedGivenAsHostAndPort_FindsTheKeyOnAnotherNode()
    {
        var key = cluster.KeyOn(2, "jobs");
        await cluster.Admin().SortedSetAddAsync(key, [new SortedSetEntry("a", 1), new SortedSetEntry("b", 2), new SortedSetEntry("c", 3)]);
        var seed = cluster.Nodes[0];

        var reading = await ReadListAsync($"hosts=127.0.0.1|ports={seed.Port}|listName={key}");

        reading.Value.ShouldBe(3, "the seed's MOVED leads to the owner; a sorted set counts its members, as KEDA's script does");
    }

    [Fact]
    public async Task Read_FirstSeedDown_ConnectsThroughTheNext()
    {
        var key = cluster.KeyOn(0, "jobs");
        await cluster.Admin().ListRightPushAsync(key, "a");

        var reading = await ReadListAsync($"addresses=127.0.0.1:{FreeTcpPort.Next()}, {cluster.Nodes[1].Address}|listName={key}");

        reading.Value.ShouldBe(1);
    }

    [Fact]
    public async Task Read_MissingKey_ReadsZeroInactive()
    {
        var reading = await ReadListAsync($"addresses={cluster.Addresses}|listName={cluster.KeyOn(1, "absent")}");

        reading.ShouldBe(new MetricReading(0, 5, false));
    }

    [Fact]
    public async Task Read_StreamOnAnotherNode_CountsEachModeLikeKeda()
    {
        var stream = cluster.KeyOn(1, "events");
        for (var i = 0; i < 5; i++)
        {
            await cluster.Admin().StreamAddAsync(stream, "n", i);
        }
        await cluster.Admin().StreamCreateConsumerGroupAsync(stream, "workers", "0");
        await cluster.Admin().StreamReadGroupAsync(stream, "workers", "w1", ">", count: 3);
        var seed = $"addresses={cluster.Nodes[0].Address}|stream={stream}";

        (await ReadStreamAsync($"{seed}|streamLength=2")).ShouldBe(new MetricReading(5, 2, true));
        (await ReadStreamAsync($"{seed}|consumerGroup=workers|pendingEntriesCount=1")).ShouldBe(new MetricReading(3, 1, true));
        (await ReadStreamAsync($"{seed}|consumerGroup=workers|lagCount=1|activationLagCount=2")).ShouldBe(new MetricReading(2, 1, false));
    }

    [Fact]
    public async Task Read_WrongPassword_FailsNamingTheClusterNeverThePassword()
    {
        await using var scaler = List($"addresses={cluster.Addresses}|listName=jobs|-password", auth: "password=not-the-cluster-pass");

        var error = await Should.ThrowAsync<RedisScalerException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.Message.ShouldStartWith($"redis cluster {cluster.Nodes[0].Address}, {cluster.Nodes[1].Address}, {cluster.Nodes[2].Address} as user \"default\": authentication failed (check username and password): WRONGPASS");
        error.Message.ShouldNotContain("not-the-cluster-pass");
    }

    [Fact]
    public async Task Read_EverySeedDown_FailsAtOnceNamingEachRefusal()
    {
        var (first, second) = (FreeTcpPort.Next(), FreeTcpPort.Next());
        await using var scaler = List($"addresses=127.0.0.1:{first},127.0.0.1:{second}|listName=jobs");
        var clock = Stopwatch.StartNew();

        var error = await Should.ThrowAsync<RedisScalerException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2), "a refusal is not waited out");
        error.Message.ShouldContain($"127.0.0.1:{first} refused the connection");
        error.Message.ShouldContain($"127.0.0.1:{second} refused the connection");
    }

    private async Task<MetricReading> ReadListAsync(string metadata)
    {
        await using var scaler = List(metadata);
        return await scaler.ReadAsync(CancellationToken.None);
    }

    private async Task<MetricReading> ReadStreamAsync(string metadata)
    {
        await using var scaler = new RedisStreamsScalerFactory(RedisTopology.Cluster, pool)
            .Create(TestTriggers.For("redis-cluster-streams", TestTriggers.Parse(metadata, $"password={RedisClusterFixture.Password}")));
        return await scaler.ReadAsync(CancellationToken.None);
    }

    private IScaler List(string metadata, string auth = "") =>
        new RedisListScalerFactory(RedisTopology.Cluster, pool)
            .Create(TestTriggers.For("redis-cluster", TestTriggers.Parse(metadata, $"password={RedisClusterFixture.Password}"), TestTriggers.Parse(auth)));
}
