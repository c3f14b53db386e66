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
    private readonly List<WaitTimer> waits = [];

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
        ITimer timer = base.CreateTimer(callback, state, dueTime, period);
        List<TaskCompletionSource> reached;
        lock (gate)
        {
            var deadline = dueTime == Timeout.InfiniteTimeSpan ? DateTimeOffset.MaxValue : GetUtcNow() + dueTime;
            requested.Add((dueTime, deadline));
            // A timeout (new CancellationTokenSource(d, time)) runs beside work in flight; any other timer is a
            // delay the code parks on.
            if (state is not CancellationTokenSource)
            {
                var wait = new WaitTimer(this, timer, deadline, period) { Requested = dueTime };
                waits.Add(wait);
                timer = wait;
            }
            reached = [.. waiters.Where(w => w.Count <= requested.Count).Select(w => w.Reached)];
            waiters.RemoveAll(w => w.Count <= requested.Count);
        }

        // Outside the lock and after the timer exists: the test may advance the clock at once.
        reached.ForEach(r => r.TrySetResult());
        return timer;
    }

    /// <summary>Delays still ahead of the clock that the code under test waits on (timeouts not counted).</summary>
    public int PendingWaits
    {
        get
        {
            lock (gate)
            {
                var now = GetUtcNow();
                return waits.Count(w => w.NextDeadline(now) > now);
            }
        }
    }

    /// <summary>Pending delays that were asked for with exactly <paramref name="dueTime"/> (one kind of wait, a polling interval say).</summary>
    public int PendingWaitsOf(TimeSpan dueTime)
    {
        lock (gate)
        {
            var now = GetUtcNow();
            return waits.Count(w => w.Requested == dueTime && w.NextDeadline(now) > now);
        }
    }

    /// <summary>
    /// Waits until at least <paramref name="count"/> delays are pending, that is until that many loops are parked
    /// on the clock; false when that did not happen within <paramref name="patience"/> of real time. With
    /// <paramref name="dueTime"/>, only delays asked for with that due time count, so that other timers of the
    /// code under test cannot make up for a loop that has not parked yet.
    /// </summary>
    public async Task<bool> WaitForPendingWaitsAsync(int count, TimeSpan patience, TimeSpan? dueTime = null)
    {
        var requests = RequestedDelays.Count;
        using var giveUp = new CancellationTokenSource(patience);
        while ((dueTime is { } due ? PendingWaitsOf(due) : PendingWaits) < count)
        {
            // Each parking requests a timer: wake on the next request rather than on a wall-clock tick.
            var next = TimerRequested(requests + 1);
            try
            {
                await next.WaitAsync(TimeSpan.FromMilliseconds(200), giveUp.Token).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // A delay may also stop being pending by its disposal (a cancelled wait): check again.
            }
            catch (OperationCanceledException)
            {
                return false;
            }

            requests = RequestedDelays.Count;
        }

        return true;
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

    private void Forget(WaitTimer wait)
    {
        lock (gate)
        {
            waits.Remove(wait);
        }
    }

    private void Rearm(WaitTimer wait, TimeSpan dueTime, TimeSpan period)
    {
        lock (gate)
        {
            wait.Deadline = dueTime == Timeout.InfiniteTimeSpan ? DateTimeOffset.MaxValue : GetUtcNow() + dueTime;
            wait.Period = period;
        }
    }

    // Forwards to the fake's timer and keeps its deadline known, so PendingWaits sees re-arming and disposal.
    private sealed class WaitTimer(TimerSignallingTimeProvider owner, ITimer inner, DateTimeOffset deadline, TimeSpan period) : ITimer
    {
        public DateTimeOffset Deadline { get; set; } = deadline;

        public TimeSpan Period { get; set; } = period;

        /// <summary>The due time the code asked for when it created the timer.</summary>
        public TimeSpan Requested { get; init; }

        // A periodic timer that fired is due again one period later; a one-shot one that fired is not pending.
        public DateTimeOffset NextDeadline(DateTimeOffset now)
        {
            if (Deadline > now || Deadline == DateTimeOffset.MaxValue || Period <= TimeSpan.Zero || Period == Timeout.InfiniteTimeSpan)
            {
                return Deadline;
            }

            var periods = ((now - Deadline).Ticks / Period.Ticks) + 1;
            return Deadline + TimeSpan.FromTicks(periods * Period.Ticks);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            owner.Rearm(this, dueTime, period);
            return inner.Change(dueTime, period);
        }

        public void Dispose()
        {
            owner.Forget(this);
            inner.Dispose();
        }

        public async ValueTask DisposeAsync()
        {
            owner.Forget(this);
            await inner.DisposeAsync().ConfigureAwait(false);
        }
    }
}
