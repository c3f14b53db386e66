namespace Crema.Tests.Support;

public sealed class TimerSignallingTimeProviderTests
{
    [Fact]
    public async Task RunAsync_TaskWaitingOnDelays_MovesTheClockToEachDeadlineExactly()
    {
        var time = new TimerSignallingTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var start = time.GetUtcNow();

        var result = await time.RunAsync(DelayTwiceAsync(time));

        result.ShouldBe(42);
        (time.GetUtcNow() - start).ShouldBe(TimeSpan.FromSeconds(30));
        time.RequestedDelays.ShouldBe([TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20)]);
    }

    [Fact]
    public async Task RunAsync_TimerRequestedBeforeTheCall_AdvancesToItFirst()
    {
        var time = new TimerSignallingTimeProvider();
        var start = time.GetUtcNow();
        var task = DelayTwiceAsync(time);
        await time.WaitForDelayAsync(1);

        (await time.RunAsync(task)).ShouldBe(42);

        (time.GetUtcNow() - start).ShouldBe(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task WaitForDelayAsync_SecondTimer_ReturnsItsDueTimeOnceRequested()
    {
        var time = new TimerSignallingTimeProvider();
        var task = DelayTwiceAsync(time);

        (await time.WaitForDelayAsync(1)).ShouldBe(TimeSpan.FromSeconds(10));
        var second = time.WaitForDelayAsync(2);
        second.IsCompleted.ShouldBeFalse("the second delay starts only after the first one elapsed");
        time.Advance(TimeSpan.FromSeconds(10));

        (await second).ShouldBe(TimeSpan.FromSeconds(20));
        time.Advance(TimeSpan.FromSeconds(20));
        (await task).ShouldBe(42);
    }

    private static async Task<int> DelayTwiceAsync(TimeProvider time)
    {
        await Task.Delay(TimeSpan.FromSeconds(10), time);
        await Task.Delay(TimeSpan.FromSeconds(20), time);
        return 42;
    }
}
