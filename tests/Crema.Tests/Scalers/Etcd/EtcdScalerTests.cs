using Crema.Abstractions;
using Crema.Scalers.Etcd;
using Crema.Tests.Support;

namespace Crema.Tests.Scalers.Etcd;

/// <summary>The <c>etcd</c> scaler against a real etcd 3.4: reads, pushed changes, failover and the end of the watch.</summary>
public sealed class EtcdScalerTests(EtcdFixture etcd) : IClassFixture<EtcdFixture>
{
    [Theory]
    [InlineData("12", 12.0, true)]
    [InlineData("0.5", 0.5, false)]
    [InlineData("-3", -3.0, false)]
    public async Task ReadAsync_KeyHoldsANumber_ReadsItAgainstValue(string stored, double expected, bool active)
    {
        var key = NewKey();
        await etcd.Server.PutAsync(key, stored);
        await using var scaler = EtcdTriggers.Create(etcd.Server.Address, key, "value=5.5|activationValue=0.5");

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.ShouldBe(new MetricReading(expected, 5.5, active));
    }

    [Fact]
    public async Task ReadAsync_MissingKey_FailsLikeKeda()
    {
        var key = NewKey();
        await using var scaler = EtcdTriggers.Create(etcd.Server.Address, key);

        var error = await Should.ThrowAsync<EtcdReadException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.Message.ShouldBe($"etcd at {etcd.Server.Address} (cleartext, no user): watchKey \"{key}\" doesn't exist");
    }

    [Fact]
    public async Task ReadAsync_ValueIsNotANumber_Fails()
    {
        var key = NewKey();
        await etcd.Server.PutAsync(key, "twelve");
        await using var scaler = EtcdTriggers.Create(etcd.Server.Address, key);

        var error = await Should.ThrowAsync<EtcdReadException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.Message.ShouldBe($"etcd at {etcd.Server.Address} (cleartext, no user): watchKey \"{key}\": the value \"twelve\" is not a number");
    }

    [Fact]
    public async Task ReadAsync_FirstEndpointDown_ReadsFromTheNext()
    {
        var key = NewKey();
        await etcd.Server.PutAsync(key, "7");
        var down = $"127.0.0.1:{FreeTcpPort.Next()}";
        await using var scaler = EtcdTriggers.Create($"{down},{etcd.Server.Address}", key);

        (await scaler.ReadAsync(CancellationToken.None)).Value.ShouldBe(7);
        (await scaler.ReadAsync(CancellationToken.None)).Value.ShouldBe(7);
    }

    [Fact]
    public async Task ReadAsync_NoServerListening_FailsAtOnceNamingEveryTry()
    {
        var down = $"127.0.0.1:{FreeTcpPort.Next()}";
        await using var scaler = EtcdTriggers.Create(down, NewKey(), time: new TimerSignallingTimeProvider());
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var error = await Should.ThrowAsync<EtcdReadException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5), "a refused connection is not waited out");
        error.StatusCode.ShouldBe(Grpc.Core.StatusCode.Unavailable);
        error.Message.ShouldStartWith($"etcd at {down} (cleartext, no user): Range \"");
        error.Message.ShouldContain("UNAVAILABLE");
        error.Message.ShouldContain("Connection refused");
    }

    [Fact]
    public async Task WatchActivityAsync_KeyChanges_PushesEachChangesActivity()
    {
        var key = NewKey();
        await etcd.Server.PutAsync(key, "0");
        await using var scaler = EtcdTriggers.Create(etcd.Server.Address, key, "activationValue=2", time: new TimerSignallingTimeProvider());
        var watchers = await etcd.Server.WatcherCountAsync();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var watch = scaler.WatchActivityAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        var next = watch.MoveNextAsync();
        await etcd.Server.WaitForWatchersAsync(watchers + 1);

        var pushed = new List<bool>();
        foreach (var value in new[] { "5", "1", "2.5", "not-a-number" })
        {
            await etcd.Server.PutAsync(key, value);
            (await next).ShouldBeTrue();
            pushed.Add(watch.Current);
            next = watch.MoveNextAsync();
        }
        await etcd.Server.DeleteAsync(key);
        (await next).ShouldBeTrue();
        pushed.Add(watch.Current);

        // 5 > 2, 1 <= 2, 2.5 > 2; a value that is not a number, and a deletion, count as 0 (KEDA).
        pushed.ShouldBe([true, false, true, false, false]);
        scaler.LastWatchError.ShouldBeNull();
    }

    [Fact]
    public async Task WatchActivityAsync_NoProgressForTwiceTheInterval_ReopensTheWatchAndKeepsPushing()
    {
        var key = NewKey();
        var time = new TimerSignallingTimeProvider();
        await using var scaler = EtcdTriggers.Create(etcd.Server.Address, key, "watchProgressNotifyInterval=30", time: time);
        var watchers = await etcd.Server.WatcherCountAsync();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var watch = scaler.WatchActivityAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        var next = watch.MoveNextAsync();
        await etcd.Server.WaitForWatchersAsync(watchers + 1);

        // The server's real notifications come every 10 minutes of wall time; on the test's clock none arrives.
        // Timer 1 is the quiet window before the server's "created" reply, timer 2 the one after it.
        (await time.WaitForDelayAsync(2)).ShouldBe(TimeSpan.FromSeconds(60));
        time.Advance(TimeSpan.FromSeconds(60));
        (await time.WaitForDelayAsync(3)).ShouldBe(EtcdWatch.InitialBackoff);
        scaler.LastWatchError.ShouldBe($"etcd at {etcd.Server.Address} (cleartext, no user): no watch progress notification within 60 s (2 x watchProgressNotifyInterval); reopening the watch");
        await etcd.Server.WaitForWatchersAsync(watchers);
        time.Advance(EtcdWatch.InitialBackoff);
        await etcd.Server.WaitForWatchersAsync(watchers + 1);
        await etcd.Server.PutAsync(key, "9");

        (await next).ShouldBeTrue();
        watch.Current.ShouldBeTrue();
    }

    [Fact]
    public async Task DisposeAsync_WhileWatching_EndsTheWatchOnTheServerAndTheEnumeration()
    {
        var key = NewKey();
        var scaler = EtcdTriggers.Create(etcd.Server.Address, key, time: new TimerSignallingTimeProvider());
        var watchers = await etcd.Server.WatcherCountAsync();
        await using var watch = scaler.WatchActivityAsync(CancellationToken.None).GetAsyncEnumerator();
        var next = watch.MoveNextAsync();
        await etcd.Server.WaitForWatchersAsync(watchers + 1);

        await scaler.DisposeAsync();

        (await next).ShouldBeFalse();
        await etcd.Server.WaitForWatchersAsync(watchers);
        await using var again = scaler.WatchActivityAsync(CancellationToken.None).GetAsyncEnumerator();
        (await again.MoveNextAsync()).ShouldBeFalse("a disposed scaler watches nothing");
    }

    private static string NewKey() => "crema/jobs-" + Guid.NewGuid().ToString("N")[..8];
}
