using Crema.Abstractions;
using Crema.Scalers.Redis;
using Crema.Tests.Support;
using static Crema.Tests.Scalers.Redis.RedisSentinelFixture;

namespace Crema.Tests.Scalers.Redis;

/// <summary>The <c>redis-sentinel</c> and <c>redis-sentinel-streams</c> triggers against a real redis-sentinel and the primary it watches.</summary>
public sealed class RedisSentinelScalerTests(RedisSentinelFixture sentinel) : IClassFixture<RedisSentinelFixture>
{
    private readonly RedisConnectionPool pool = new();

    private string Baseline => $"addresses={sentinel.Sentinel.Address}|sentinelMaster={Master}|password={Password}|sentinelPassword={SentinelPassword}";

    [Fact]
    public async Task Read_ListThroughSentinel_ReadsThePrimarysDatabase()
    {
        var key = NewKey();
        await sentinel.Admin(2).ListRightPushAsync(key, ["a", "b", "c"]);

        var reading = await ReadListAsync($"listName={key}|databaseIndex=2|listLength=2|activationListLength=3");

        reading.ShouldBe(new MetricReading(3, 2, false));
    }

    [Fact]
    public async Task Read_SentinelAclUserFromAuthParams_Reads()
    {
        var key = NewKey();
        await sentinel.Admin().ListRightPushAsync(key, "a");

        var reading = await ReadListAsync($"listName={key}|-sentinelPassword", $"sentinelUsername={SentinelUser}|sentinelPassword={SentinelUserPassword}");

        reading.Value.ShouldBe(1);
    }

    [Fact]
    public async Task Read_FirstSentinelDown_AsksTheNext()
    {
        var key = NewKey();
        await sentinel.Admin().ListRightPushAsync(key, ["a", "b"]);

        var reading = await ReadListAsync($"listName={key}|addresses=127.0.0.1:{FreeTcpPort.Next()},{sentinel.Sentinel.Address}");

        reading.Value.ShouldBe(2);
    }

    [Fact]
    public async Task Read_StreamThroughSentinel_CountsPendingEntries()
    {
        var stream = "events-" + NewKey();
        await sentinel.Admin().StreamAddAsync(stream, "n", 1);
        await sentinel.Admin().StreamAddAsync(stream, "n", 2);
        await sentinel.Admin().StreamCreateConsumerGroupAsync(stream, "workers", "0");
        await sentinel.Admin().StreamReadGroupAsync(stream, "workers", "w1", ">");
        await using var scaler = new RedisStreamsScalerFactory(RedisTopology.Sentinel, pool)
            .Create(TestTriggers.For("redis-sentinel-streams", TestTriggers.Parse($"stream={stream}|consumerGroup=workers", Baseline)));

        (await scaler.ReadAsync(CancellationToken.None)).ShouldBe(new MetricReading(2, 5, true));
    }

    [Fact]
    public async Task Read_UnknownMaster_FailsNamingTheMaster()
    {
        var error = await FailAsync($"listName={NewKey()}|sentinelMaster=no-such-primary");

        error.Message.ShouldStartWith($"redis primary \"no-such-primary\" via sentinel {sentinel.Sentinel.Address} as user \"default\"");
        error.Message.ShouldContain("no-such-primary", Case.Sensitive, "the reason names the master the sentinels do not know");
    }

    [Fact]
    public async Task Read_NoSentinelPassword_SentinelRefusesAndThePrimaryPasswordIsNotTriedThere()
    {
        var error = await FailAsync($"listName={NewKey()}|-sentinelPassword");

        // KEDA authenticates to the sentinels only with the sentinel credentials: without them, not at all.
        error.Message.ShouldStartWith($"redis primary \"{Master}\" via sentinel {sentinel.Sentinel.Address} as user \"default\" (sentinel user \"default\"): the sentinels: a password is required and none was given (check sentinelUsername and sentinelPassword): NOAUTH");
        error.Message.ShouldNotContain(Password);
    }

    [Fact]
    public async Task Read_WrongPasswords_FailWithoutShowingThem()
    {
        var sentinelError = await FailAsync($"listName={NewKey()}|-sentinelPassword", "sentinelPassword=wrong-sentinel-secret");
        var primaryError = await FailAsync($"listName={NewKey()}|-password", "password=wrong-primary-secret");

        sentinelError.Message.ShouldContain("(sentinel user \"default\"): the sentinels: authentication failed (check sentinelUsername and sentinelPassword): WRONGPASS");
        sentinelError.Message.ShouldNotContain("wrong-sentinel-secret");
        primaryError.Message.ShouldContain("(sentinel user \"default\"): authentication failed (check username and password): WRONGPASS", Case.Sensitive, "the primary, not the sentinels, refused");
        primaryError.Message.ShouldNotContain("wrong-primary-secret");
    }

    private async Task<RedisScalerException> FailAsync(string metadata, string auth = "")
    {
        await using var scaler = List(metadata, auth);
        return await Should.ThrowAsync<RedisScalerException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());
    }

    private async Task<MetricReading> ReadListAsync(string metadata, string auth = "")
    {
        await using var scaler = List(metadata, auth);
        return await scaler.ReadAsync(CancellationToken.None);
    }

    private IScaler List(string metadata, string auth) =>
        new RedisListScalerFactory(RedisTopology.Sentinel, pool)
            .Create(TestTriggers.For("redis-sentinel", TestTriggers.Parse(metadata, Baseline), TestTriggers.Parse(auth)));

    private static string NewKey() => "jobs-" + Guid.NewGuid().ToString("N")[..8];
}
