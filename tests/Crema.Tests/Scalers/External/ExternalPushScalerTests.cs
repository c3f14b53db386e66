using Crema.Abstractions;
using Crema.Scalers.External;
using Crema.Tests.Support;

namespace Crema.Tests.Scalers.External;

/// <summary>The <c>external-push</c> trigger's StreamIsActive handling against a real gRPC server.</summary>
public sealed class ExternalPushScalerTests
{
    private static readonly ExternalPushScalerFactory Factory = new();

    [Fact]
    public async Task WatchActivityAsync_ServerPushes_YieldsEachMessageAtOnce()
    {
        await using var server = await ExternalScalerServer.StartAsync();
        await using var scaler = CreateScaler(server.Address, TimeProvider.System);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var watch = scaler.WatchActivityAsync(stop.Token).GetAsyncEnumerator(stop.Token);

        var next = watch.MoveNextAsync();
        await server.WaitForOpenStreamsAsync(1);
        (await server.PushActiveAsync(true)).ShouldBe(1);
        (await next).ShouldBeTrue();
        watch.Current.ShouldBeTrue();
        next = watch.MoveNextAsync();
        await server.PushActiveAsync(false);
        (await next).ShouldBeTrue();
        watch.Current.ShouldBeFalse();

        var request = await server.LastRequestAsync("StreamIsActive");
        request.GetProperty("name").GetString().ShouldBe("orders-worker");
        request.GetProperty("scalerMetadata").GetProperty("queueName").GetString().ShouldBe("jobs");
    }

    [Fact]
    public async Task WatchActivityAsync_ServerEndsStream_ReopensAfterTwoSeconds()
    {
        await using var server = await ExternalScalerServer.StartAsync();
        var time = new TimerSignallingTimeProvider();
        await using var scaler = CreateScaler(server.Address, time);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var watch = scaler.WatchActivityAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        var next = watch.MoveNextAsync();
        await server.WaitForOpenStreamsAsync(1);

        (await server.EndStreamsAsync()).ShouldBe(1);
        (await time.WaitForDelayAsync(1)).ShouldBe(TimeSpan.FromSeconds(2));
        (await server.OpenStreamCountAsync()).ShouldBe(0);
        time.Advance(TimeSpan.FromSeconds(2));
        await server.WaitForOpenStreamsAsync(1);
        await server.PushActiveAsync(true);

        (await next).ShouldBeTrue();
        watch.Current.ShouldBeTrue();
        (await server.CallCountAsync("StreamIsActive")).ShouldBe(2);
    }

    [Fact]
    public async Task WatchActivityAsync_StreamKeepsFailing_BacksOffFromTwoSecondsDoublingToOneMinute()
    {
        await using var server = await ExternalScalerServer.StartAsync();
        await server.FailAsync("StreamIsActive", "UNAVAILABLE", "warming up");
        var time = new TimerSignallingTimeProvider();
        await using var scaler = CreateScaler(server.Address, time);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var watch = scaler.WatchActivityAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        var next = watch.MoveNextAsync();
        var delays = new List<TimeSpan>();

        for (var attempt = 1; attempt <= 7; attempt++)
        {
            var delay = await time.WaitForDelayAsync(attempt);
            delays.Add(delay);
            if (attempt < 7)
            {
                time.Advance(delay);
            }
        }
        ((ExternalPushScaler)scaler).LastStreamError.ShouldNotBeNull().ShouldContain("UNAVAILABLE: warming up");
        await server.FailAsync("StreamIsActive", "OK");
        time.Advance(delays[^1]);
        await server.WaitForOpenStreamsAsync(1);
        await server.PushActiveAsync(true);
        (await next).ShouldBeTrue();
        await server.EndStreamsAsync();
        next = watch.MoveNextAsync();

        delays.Select(d => d.TotalSeconds).ShouldBe([2, 4, 8, 16, 32, 60, 60]);
        (await time.WaitForDelayAsync(8)).ShouldBe(TimeSpan.FromSeconds(2), "a stream that delivered resets the backoff");
        stop.Cancel();
        (await next).ShouldBeFalse();
    }

    [Fact]
    public async Task WatchActivityAsync_StreamAbortedAfterOpenAMinute_ResetsBackoffElseKeepsGrowing()
    {
        await using var server = await ExternalScalerServer.StartAsync();
        await server.FailAsync("StreamIsActive", "UNAVAILABLE");
        var time = new TimerSignallingTimeProvider();
        await using var scaler = CreateScaler(server.Address, time);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var watch = scaler.WatchActivityAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        var next = watch.MoveNextAsync();
        time.Advance(await time.WaitForDelayAsync(1));
        (await time.WaitForDelayAsync(2)).ShouldBe(TimeSpan.FromSeconds(4));
        await server.FailAsync("StreamIsActive", "OK");

        time.Advance(TimeSpan.FromSeconds(4));
        await server.WaitForOpenStreamsAsync(1);
        await server.AbortStreamsAsync("UNAVAILABLE", "proxy reset");
        (await time.WaitForDelayAsync(3)).ShouldBe(TimeSpan.FromSeconds(8), "a stream that failed at once is a failing server");
        time.Advance(TimeSpan.FromSeconds(8));
        await server.WaitForOpenStreamsAsync(1);
        time.Advance(TimeSpan.FromSeconds(61));
        await server.AbortStreamsAsync("UNAVAILABLE", "idle timeout");

        (await time.WaitForDelayAsync(4)).ShouldBe(TimeSpan.FromSeconds(2), "a stream that lived a minute resets the backoff");
        ((ExternalPushScaler)scaler).LastStreamError.ShouldNotBeNull().ShouldContain("idle timeout");
        stop.Cancel();
        (await next).ShouldBeFalse();
    }

    [Fact]
    public async Task WatchActivityAsync_CancelledWhileStreamOpen_EndsWithoutThrowing()
    {
        await using var server = await ExternalScalerServer.StartAsync();
        await using var scaler = CreateScaler(server.Address, TimeProvider.System);
        using var stop = new CancellationTokenSource();
        await using var watch = scaler.WatchActivityAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        var next = watch.MoveNextAsync();
        await server.WaitForOpenStreamsAsync(1);

        stop.Cancel();

        (await next).ShouldBeFalse();
        await server.WaitForOpenStreamsAsync(0);
    }

    [Fact]
    public async Task DisposeAsync_WhileWatching_EndsTheWatchAndClosesItsStream()
    {
        await using var server = await ExternalScalerServer.StartAsync();
        var scaler = CreateScaler(server.Address, TimeProvider.System);
        // The host's token stays uncancelled, as it does when only this trigger's scaler is rebuilt.
        await using var watch = scaler.WatchActivityAsync(CancellationToken.None).GetAsyncEnumerator(CancellationToken.None);
        var next = watch.MoveNextAsync().AsTask();
        await server.WaitForOpenStreamsAsync(1);

        await scaler.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        (await next.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBeFalse();
        await server.WaitForOpenStreamsAsync(0);
    }

    [Fact]
    public async Task WatchActivityAsync_ScalerAlreadyDisposed_EndsWithoutOpeningAStream()
    {
        await using var server = await ExternalScalerServer.StartAsync();
        var scaler = CreateScaler(server.Address, TimeProvider.System);
        await scaler.DisposeAsync();

        await using var watch = scaler.WatchActivityAsync(CancellationToken.None).GetAsyncEnumerator(CancellationToken.None);

        (await watch.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10))).ShouldBeFalse();
        (await server.CallCountAsync("StreamIsActive")).ShouldBe(0);
    }

    [Fact]
    public async Task ReadAsync_PushScaler_PollsLikeExternal()
    {
        await using var server = await ExternalScalerServer.StartAsync();
        await server.SetMetricAsync("queue", 3);
        await server.SetActiveAsync(true);
        await using var scaler = CreateScaler(server.Address, TimeProvider.System);

        (await scaler.ReadAsync(CancellationToken.None)).ShouldBe(new MetricReading(3, 10, true));
    }

    private static IPushScaler CreateScaler(string address, TimeProvider time) =>
        (IPushScaler)Factory.Create(ExternalTestContexts.Create(
            new() { ["scalerAddress"] = address, ["queueName"] = "jobs" }, type: "external-push", timeProvider: time));
}
