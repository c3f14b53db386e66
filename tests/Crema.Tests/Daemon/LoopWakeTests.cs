using Crema.Host.Daemon;
using Microsoft.Extensions.Time.Testing;

namespace Crema.Tests.Daemon;

/// <summary>The signal that ends a scaling loop's wait early: kept while the loop is busy, collapsed, consumed by the wait.</summary>
public sealed class LoopWakeTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task WaitAsync_NoSignal_EndsWhenTheIntervalHasPassed()
    {
        var time = new FakeTimeProvider();
        var wake = new LoopWake();

        var waiting = wake.WaitAsync(Interval, time, CancellationToken.None);
        time.Advance(Interval - TimeSpan.FromSeconds(1));
        waiting.IsCompleted.ShouldBeFalse();
        time.Advance(TimeSpan.FromSeconds(1));

        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task WaitAsync_SignalledWhileWaiting_EndsAtOnce()
    {
        var time = new FakeTimeProvider();
        var wake = new LoopWake();

        var waiting = wake.WaitAsync(Interval, time, CancellationToken.None);
        waiting.IsCompleted.ShouldBeFalse();
        wake.Signal();

        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task WaitAsync_SignalledTwiceBeforeWaiting_EndsOneWaitAtOnceAndTheNextRunsItsInterval()
    {
        var time = new FakeTimeProvider();
        var wake = new LoopWake();
        wake.Signal();
        wake.Signal();

        await wake.WaitAsync(Interval, time, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        var next = wake.WaitAsync(Interval, time, CancellationToken.None);

        next.IsCompleted.ShouldBeFalse("the two signals were one");
        time.Advance(Interval);
        await next.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task WaitAsync_Cancelled_EndsWithoutThrowing()
    {
        var time = new FakeTimeProvider();
        var wake = new LoopWake();
        using var stop = new CancellationTokenSource();

        var waiting = wake.WaitAsync(Interval, time, stop.Token);
        await stop.CancelAsync();

        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        waiting.IsCompletedSuccessfully.ShouldBeTrue();
    }
}
