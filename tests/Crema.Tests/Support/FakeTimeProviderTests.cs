namespace Crema.Tests.Support;

public sealed class FakeTimeProviderTests
{
    [Fact]
    public async Task Advance_PastDelay_CompletesTaskDelay()
    {
        var time = new FakeTimeProvider();
        var delay = Task.Delay(TimeSpan.FromSeconds(30), time);

        time.Advance(TimeSpan.FromSeconds(29));
        delay.IsCompleted.ShouldBeFalse();
        time.Advance(TimeSpan.FromSeconds(1));

        await delay.WaitAsync(TimeSpan.FromSeconds(5));
        delay.IsCompletedSuccessfully.ShouldBeTrue();
    }

    [Fact]
    public void Advance_PeriodicTimer_FiresOncePerPeriodAtItsOwnTime()
    {
        var time = new FakeTimeProvider();
        var start = time.GetUtcNow();
        var firedAt = new List<TimeSpan>();
        using var timer = time.CreateTimer(_ => firedAt.Add(time.GetUtcNow() - start), null, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));

        time.Advance(TimeSpan.FromSeconds(35));

        firedAt.ShouldBe([TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30)]);
        (time.GetUtcNow() - start).ShouldBe(TimeSpan.FromSeconds(35));
    }

    [Fact]
    public void SetUtcNow_DisposedTimer_DoesNotFire()
    {
        var time = new FakeTimeProvider();
        var fired = false;
        var timer = time.CreateTimer(_ => fired = true, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        timer.Dispose();

        time.SetUtcNow(time.GetUtcNow().AddMinutes(1));

        fired.ShouldBeFalse();
        time.ActiveTimerCount.ShouldBe(0);
    }

    [Fact]
    public void AdvanceToNextTimer_PendingTimer_JumpsToItsDueTimeAndFires()
    {
        var time = new FakeTimeProvider();
        var start = time.GetUtcNow();
        var fired = false;
        using var timer = time.CreateTimer(_ => fired = true, null, TimeSpan.FromSeconds(7), Timeout.InfiniteTimeSpan);

        time.AdvanceToNextTimer().ShouldBeTrue();

        fired.ShouldBeTrue();
        (time.GetUtcNow() - start).ShouldBe(TimeSpan.FromSeconds(7));
        time.AdvanceToNextTimer().ShouldBeFalse();
    }

    [Fact]
    public async Task RunAsync_TaskWaitingOnDelays_AdvancesUntilDone()
    {
        var time = new FakeTimeProvider();
        var start = time.GetUtcNow();

        var result = await time.RunAsync(DelayTwiceAsync(time));

        result.ShouldBe(42);
        (time.GetUtcNow() - start).ShouldBe(TimeSpan.FromSeconds(30));
        time.RequestedDelays.ShouldBe([TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20)]);
    }

    private static async Task<int> DelayTwiceAsync(TimeProvider time)
    {
        await Task.Delay(TimeSpan.FromSeconds(10), time);
        await Task.Delay(TimeSpan.FromSeconds(20), time);
        return 42;
    }
}
