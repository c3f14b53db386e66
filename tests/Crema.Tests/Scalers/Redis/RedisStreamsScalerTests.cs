using Crema.Abstractions;
using Crema.Scalers.Redis;
using Crema.Tests.Support;

namespace Crema.Tests.Scalers.Redis;

/// <summary>The <c>redis-streams</c> trigger against a real redis-server 7: XPENDING, XLEN and lag, with KEDA's edge cases.</summary>
public sealed class RedisStreamsScalerTests(RedisStandaloneFixture redis) : IClassFixture<RedisStandaloneFixture>
{
    private readonly RedisConnectionPool pool = new();

    [Fact]
    public async Task Read_EachMode_CountsLikeKeda()
    {
        var stream = NewKey();
        for (var i = 0; i < 6; i++)
        {
            await redis.Admin().StreamAddAsync(stream, "n", i);
        }
        await redis.Admin().StreamCreateConsumerGroupAsync(stream, "workers", "0");
        await redis.Admin().StreamReadGroupAsync(stream, "workers", "w1", ">", count: 2);

        (await ReadAsync($"stream={stream}|streamLength=3")).ShouldBe(new MetricReading(6, 3, true));
        (await ReadAsync($"stream={stream}|consumerGroup=workers|pendingEntriesCount=2")).ShouldBe(new MetricReading(2, 2, true));
        (await ReadAsync($"stream={stream}|consumerGroup=workers|lagCount=4|activationLagCount=4")).ShouldBe(new MetricReading(4, 4, false));
    }

    [Fact]
    public async Task Read_LagOfMissingStreamOrGroup_ZeroOrStreamLength()
    {
        var stream = NewKey();
        (await ReadAsync($"stream={stream}|consumerGroup=workers|lagCount=5")).Value.ShouldBe(0, "no stream yet: KEDA reads 0");
        await redis.Admin().StreamAddAsync(stream, "n", 1);
        await redis.Admin().StreamAddAsync(stream, "n", 2);
        (await ReadAsync($"stream={stream}|consumerGroup=workers|lagCount=5")).Value.ShouldBe(2, "no group yet: the stream length");
        (await ReadAsync($"stream={NewKey()}|streamLength=5")).Value.ShouldBe(0, "XLEN of a missing stream");
    }

    [Fact]
    public async Task Read_PendingOfMissingGroup_FailsNamingGroupAndStream()
    {
        var stream = NewKey();
        await redis.Admin().StreamAddAsync(stream, "n", 1);
        await using var scaler = Create($"stream={stream}|consumerGroup=absent");

        var error = await Should.ThrowAsync<RedisScalerException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.Message.ShouldBe($"redis {redis.Server.Address} as user \"default\": stream \"{stream}\" or its consumer group \"absent\" does not exist (XPENDING: NOGROUP); create the group with XGROUP CREATE (MKSTREAM creates the stream too)");
    }

    private async Task<MetricReading> ReadAsync(string metadata)
    {
        await using var scaler = Create(metadata);
        return await scaler.ReadAsync(CancellationToken.None);
    }

    private IScaler Create(string metadata)
    {
        var map = TestTriggers.Parse(metadata, $"address={redis.Server.Address}|password={RedisStandaloneFixture.Password}");
        return new RedisStreamsScalerFactory(RedisTopology.Standalone, pool).Create(TestTriggers.For("redis-streams", map));
    }

    private static string NewKey() => "events-" + Guid.NewGuid().ToString("N")[..8];
}
