using System.Diagnostics;
using Crema.Abstractions;
using Crema.Scalers.Redis;
using Crema.Tests.Support;

namespace Crema.Tests.Scalers.Redis;

/// <summary>Faults of a real redis-server that these tests stop and start (the shared fixtures stay up): outages, wrong key types.</summary>
public sealed class RedisFaultTests(RedisStandaloneFixture redis) : IClassFixture<RedisStandaloneFixture>
{
    private readonly RedisConnectionPool pool = new();

    [Fact]
    public async Task Read_ServerStopsThenStartsAgain_FailsAtOnceThenReadsAgain()
    {
        var port = FreeTcpPort.Next();
        var server = await RedisProcess.StartAsync(port, []);
        try
        {
            var scaler = List($"address={server.Address}|listName=jobs");
            await using (var admin = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(server.Address))
            {
                await admin.GetDatabase().ListRightPushAsync("jobs", ["a", "b"]);
            }
            (await scaler.ReadAsync(CancellationToken.None)).Value.ShouldBe(2);

            await server.KillAsync();
            var clock = Stopwatch.StartNew();
            var error = await Should.ThrowAsync<RedisScalerException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());
            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2), "a connected trigger whose server went away fails at once");
            error.Message.ShouldStartWith($"redis {server.Address} as user \"default\": ");

            // The daemon disposes a scaler after a failed read (its connection closes with the last user) and builds a new one.
            await scaler.DisposeAsync();
            pool.Count.ShouldBe(0);
            await server.DisposeAsync();
            server = await RedisProcess.StartAsync(port, []);
            await using var rebuilt = List($"address={server.Address}|listName=jobs");
            (await rebuilt.ReadAsync(CancellationToken.None)).ShouldBe(new MetricReading(0, 5, false), "a new server with no list reads 0");
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("stream={0}", "XLEN of stream \"{0}\" failed: WRONGTYPE Operation against a key holding the wrong kind of value")]
    [InlineData("stream={0}|consumerGroup=workers", "XPENDING of stream \"{0}\" failed: WRONGTYPE Operation against a key holding the wrong kind of value")]
    [InlineData("stream={0}|consumerGroup=workers|lagCount=3", "XINFO GROUPS of stream \"{0}\" failed: WRONGTYPE Operation against a key holding the wrong kind of value")]
    public async Task Read_StreamTriggerOnAList_FailsWithWrongType(string metadata, string expected)
    {
        var key = "not-a-stream-" + Guid.NewGuid().ToString("N")[..8];
        await redis.Admin().ListRightPushAsync(key, "a");
        await using var scaler = new RedisStreamsScalerFactory(RedisTopology.Standalone, pool)
            .Create(TestTriggers.For("redis-streams", TestTriggers.Parse(string.Format(System.Globalization.CultureInfo.InvariantCulture, metadata, key), Baseline)));

        var error = await Should.ThrowAsync<RedisScalerException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.Message.ShouldBe($"redis {redis.Server.Address} as user \"default\": " + string.Format(System.Globalization.CultureInfo.InvariantCulture, expected, key));
    }

    [Fact]
    public async Task Read_PendingOfMissingStream_FailsNamingStreamAndGroup()
    {
        var stream = "absent-" + Guid.NewGuid().ToString("N")[..8];
        await using var scaler = new RedisStreamsScalerFactory(RedisTopology.Standalone, pool)
            .Create(TestTriggers.For("redis-streams", TestTriggers.Parse($"stream={stream}|consumerGroup=workers", Baseline)));

        var error = await Should.ThrowAsync<RedisScalerException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        // KEDA fails here too (XPENDING answers NOGROUP for a missing key); XLEN and lag read 0 instead.
        error.Message.ShouldContain($"stream \"{stream}\"");
        error.Message.ShouldContain("NOGROUP");
    }

    private string Baseline => $"address={redis.Server.Address}|password={RedisStandaloneFixture.Password}";

    private IScaler List(string metadata) =>
        new RedisListScalerFactory(RedisTopology.Standalone, pool).Create(TestTriggers.For("redis", TestTriggers.Parse(metadata)));
}
