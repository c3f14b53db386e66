using Crema.Abstractions;
using Crema.Scalers.Redis;
using Crema.Tests.Support;
using StackExchange.Redis;

namespace Crema.Tests.Scalers.Redis;

/// <summary>The <c>redis</c> trigger against a real redis-server: lengths, credentials, faults, sharing.</summary>
public sealed class RedisListScalerTests(RedisStandaloneFixture redis) : IClassFixture<RedisStandaloneFixture>
{
    private readonly RedisConnectionPool pool = new();

    [Fact]
    public async Task Read_ListWithItems_ReturnsLlenAgainstListLength()
    {
        var key = NewKey();
        await redis.Admin().ListRightPushAsync(key, ["a", "b", "c", "d", "e", "f", "g"]);
        await using var scaler = Create($"listName={key}|listLength=3|activationListLength=6");

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(7);
        reading.Target.ShouldBe(3);
        reading.IsActive.ShouldBeTrue();
    }

    [Fact]
    public async Task Read_MissingList_ReadsZeroInactive()
    {
        await using var scaler = Create($"listName={NewKey()}");

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.ShouldBe(new MetricReading(0, 5, false));
    }

    [Fact]
    public async Task Read_OtherCollections_CountedLikeKeda()
    {
        var (zset, set, hash) = (NewKey(), NewKey(), NewKey());
        await redis.Admin().SortedSetAddAsync(zset, [new SortedSetEntry("a", 1), new SortedSetEntry("b", 2)]);
        await redis.Admin().SetAddAsync(set, ["a", "b", "c"]);
        await redis.Admin().HashSetAsync(hash, [new HashEntry("a", 1), new HashEntry("b", 2), new HashEntry("c", 3), new HashEntry("d", 4)]);

        (await ReadAsync($"listName={zset}")).ShouldBe(2);
        (await ReadAsync($"listName={set}")).ShouldBe(3);
        (await ReadAsync($"listName={hash}")).ShouldBe(4);
    }

    [Fact]
    public async Task Read_StringKey_FailsWithTheType()
    {
        var key = NewKey();
        await redis.Admin().StringSetAsync(key, "x");
        await using var scaler = Create($"listName={key}");

        var error = await Should.ThrowAsync<RedisScalerException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.Message.ShouldContain("unsupported key type: string");
        error.Message.ShouldContain(redis.Server.Address);
    }

    [Fact]
    public async Task Read_DatabaseIndexAndAclUserFromAuthParams_ReadsThatDatabase()
    {
        var key = NewKey();
        await redis.Admin(3).ListRightPushAsync(key, ["a", "b"]);

        var length = await ReadAsync($"listName={key}|databaseIndex=3|-password", auth: $"username={RedisStandaloneFixture.User}|password={RedisStandaloneFixture.UserPassword}");

        length.ShouldBe(2);
    }

    [Fact]
    public async Task Read_HostPortAndPasswordFromEnv_Reads()
    {
        var key = NewKey();
        await redis.Admin().ListRightPushAsync(key, "a");
        var environment = new Dictionary<string, string> { ["REDIS_HOST"] = "127.0.0.1", ["REDIS_PORT"] = redis.Server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["REDIS_PASSWORD"] = RedisStandaloneFixture.Password };
        var context = TestTriggers.For("redis", TestTriggers.Parse($"listName={key}|hostFromEnv=REDIS_HOST|portFromEnv=REDIS_PORT|passwordFromEnv=REDIS_PASSWORD"), environment: environment);
        await using var scaler = new RedisListScalerFactory(RedisTopology.Standalone, pool).Create(context);

        (await scaler.ReadAsync(CancellationToken.None)).Value.ShouldBe(1);
    }

    [Fact]
    public async Task Read_WrongPassword_NamesHostAndUserNeverThePassword()
    {
        await using var scaler = Create($"listName={NewKey()}|-password", auth: $"username={RedisStandaloneFixture.User}|password=wrong-secret-value");

        var error = await Should.ThrowAsync<RedisScalerException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.Message.ShouldStartWith($"redis {redis.Server.Address} as user \"{RedisStandaloneFixture.User}\": authentication failed");
        error.Message.ShouldNotContain("wrong-secret-value");
    }

    [Fact]
    public async Task Read_NoPasswordGiven_FailsAuthenticationForTheDefaultUser()
    {
        await using var scaler = Create($"listName={NewKey()}|-password");

        var error = await Should.ThrowAsync<RedisScalerException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.Message.ShouldStartWith($"redis {redis.Server.Address} as user \"default\":");
        // The reason (NOAUTH) is in the message when the handshake failed before the first command, not always.
        error.Message.ShouldNotContain(RedisStandaloneFixture.Password);
    }

    [Fact]
    public async Task Read_ServerDown_FailsAtOnceEveryTimeNamingTheRefusal()
    {
        var port = FreeTcpPort.Next();
        await using var scaler = Create($"listName={NewKey()}|address=127.0.0.1:{port}");

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var error = await Should.ThrowAsync<RedisScalerException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

            // The library alone waits out its 5 s connect timeout on some refusals (it misses a refusal that comes too soon).
            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2), $"attempt {attempt}");
            error.Message.ShouldBe($"redis 127.0.0.1:{port} as user \"default\": cannot connect (UnableToConnect): 127.0.0.1:{port} refused the connection (is the server running on that port?)");
        }
    }

    [Fact]
    public async Task Read_ServerNeverAnswers_TimesOutOnTheScalersClock()
    {
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var port = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port;
        var time = new FakeTimeProvider();
        var key = NewKey();
        await using var scaler = Create($"listName={key}|address=127.0.0.1:{port}", time: time);

        var read = scaler.ReadAsync(CancellationToken.None).AsTask();
        using var accepted = await silent.AcceptTcpClientAsync();
        read.IsCompleted.ShouldBeFalse();
        time.Advance(RedisSource.ReadTimeout);

        var error = await Should.ThrowAsync<RedisScalerException>(() => read);
        error.Message.ShouldBe($"redis 127.0.0.1:{port} as user \"default\": no answer within 5 s while connecting", "a read is bounded on the scaler's clock, connecting included");
    }

    [Fact]
    public async Task Create_TwoTriggersSameServer_ShareOneConnectionClosedWithTheLast()
    {
        var (first, second) = (NewKey(), NewKey());
        await redis.Admin().ListRightPushAsync(first, "a");
        await redis.Admin().ListRightPushAsync(second, ["a", "b"]);
        var one = Create($"listName={first}");
        var two = Create($"listName={second}|databaseIndex=0|listLength=9");
        var other = Create($"listName={second}|-password", auth: $"username={RedisStandaloneFixture.User}|password={RedisStandaloneFixture.UserPassword}");

        (await one.ReadAsync(CancellationToken.None)).Value.ShouldBe(1);
        (await two.ReadAsync(CancellationToken.None)).Value.ShouldBe(2);
        (await other.ReadAsync(CancellationToken.None)).Value.ShouldBe(2);
        pool.Count.ShouldBe(2, "same server and credentials share; another user gets its own");

        await one.DisposeAsync();
        pool.Count.ShouldBe(2);
        await two.DisposeAsync();
        await other.DisposeAsync();
        pool.Count.ShouldBe(0);
    }

    private async Task<double> ReadAsync(string metadata, string auth = "")
    {
        await using var scaler = Create(metadata, auth);
        return (await scaler.ReadAsync(CancellationToken.None)).Value;
    }

    private IScaler Create(string metadata, string auth = "", TimeProvider? time = null)
    {
        var map = TestTriggers.Parse(metadata, $"address={redis.Server.Address}|password={RedisStandaloneFixture.Password}");
        return new RedisListScalerFactory(RedisTopology.Standalone, pool).Create(TestTriggers.For("redis", map, TestTriggers.Parse(auth), timeProvider: time));
    }

    private static string NewKey() => "jobs-" + Guid.NewGuid().ToString("N")[..8];
}
