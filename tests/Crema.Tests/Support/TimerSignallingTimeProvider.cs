namespace Crema.Tests.Support;

/// <summary>
/// Microsoft's <see cref="FakeTimeProvider"/> that also tells the test when the code under test asks it for a
/// timer (every <c>Task.Delay(d, time)</c>, Polly backoff and <c>new CancellationTokenSource(d, time)</c> does).
/// A timer request is the signal that the code is about to wait on the clock, so tests advance exactly then
/// instead of guessing from wall time that the code went idle.
/// </summary>
internal sealed class TimerSignallingTimeProvider : FakeTimeProvider
{
    // Only a guard against a test that waits for a timer the code never asks for: it fails the test, it
    // never decides when the clock moves.
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(30);

    private readonly Lock gate = new();
    private readonly List<(TimeSpan DueTime, DateTimeOffset Deadline)> requested = [];
    private readonly List<(int Count, TaskCompletionSource Reached)> waiters = [];

    /// <summary>Starts at midnight 2000-01-01 UTC, like <see cref="FakeTimeProvider()"/>.</summary>
    public TimerSignallingTimeProvider()
    {
    }

    /// <summary>Starts at <paramref name="start"/>.</summary>
    public TimerSignallingTimeProvider(DateTimeOffset start)
        : base(start)
    {
    }

    /// <summary>The due time of every timer requested so far, in request order.</summary>
    public IReadOnlyList<TimeSpan> RequestedDelays
    {
        get
        {
            lock (gate)
            {
                return [.. requested.Select(r => r.DueTime)];
            }
        }
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        List<TaskCompletionSource> reached;
        lock (gate)
        {
            var deadline = dueTime == Timeout.InfiniteTimeSpan ? DateTimeOffset.MaxValue : GetUtcNow() + dueTime;
            requested.Add((dueTime, deadline));
            reached = [.. waiters.Where(w => w.Count <= requested.Count).Select(w => w.Reached)];
            waiters.RemoveAll(w => w.Count <= requested.Count);
        }

        // Outside the lock and after the timer exists: the test may advance the clock at once.
        reached.ForEach(r => r.TrySetResult());
        return timer;
    }

    /// <summary>Waits until the code under test has requested <paramref name="count"/> timers; returns the due time of the last of them.</summary>
    public async Task<TimeSpan> WaitForDelayAsync(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        try
        {
            await TimerRequested(count).WaitAsync(GiveUpAfter).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"expected {count} timer requests, had {RequestedDelays.Count} after {GiveUpAfter.TotalSeconds} s");
        }

        lock (gate)
        {
            return requested[count - 1].DueTime;
        }
    }

    /// <summary>
    /// Waits for <paramref name="task"/>; whenever a requested timer is still ahead of the clock, moves the clock
    /// to the earliest such deadline (a retry backoff, an operation poll), otherwise waits for the next timer
    /// request or for the task to end. Every timer requested meanwhile must be one the code waits on.
    /// </summary>
    public async Task<T> RunAsync<T>(Task<T> task)
    {
        ArgumentNullException.ThrowIfNull(task);
        for (var round = 0; round < 10_000 && !task.IsCompleted; round++)
        {
            DateTimeOffset? nextDeadline;
            int requestsSoFar;
            lock (gate)
            {
                var now = GetUtcNow();
                nextDeadline = requested.Where(r => r.Deadline > now && r.Deadline != DateTimeOffset.MaxValue)
                    .Select(r => (DateTimeOffset?)r.Deadline).Min();
                requestsSoFar = requested.Count;
            }

            if (nextDeadline is { } deadline)
            {
                SetUtcNow(deadline);
                continue;
            }

            var next = TimerRequested(requestsSoFar + 1);
            if (await Task.WhenAny(task, next).WaitAsync(GiveUpAfter).ConfigureAwait(false) == task)
            {
                break;
            }
        }

        return await task.ConfigureAwait(false);
    }

    private Task TimerRequested(int count)
    {
        lock (gate)
        {
            if (requested.Count >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((count, reached));
            return reached.Task;
        }
    }
}
