namespace Crema.Tests.Emulator;

/// <summary>
/// A manual TimeProvider for the Cloud Run tests (no shared FakeTimeProvider existed in
/// tests/Crema.Tests/Support when this was written). Timers fire only when the test advances the clock.
/// </summary>
internal sealed class EmulatorTestClock : TimeProvider
{
    private readonly Lock gate = new();
    private readonly List<ClockTimer> timers = [];
    private DateTimeOffset now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public bool HasPendingTimers
    {
        get
        {
            lock (gate)
            {
                return timers.Count > 0;
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ClockTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves time forward, firing every timer that falls due on the way, in order.</summary>
    public void Advance(TimeSpan by)
    {
        DateTimeOffset end;
        lock (gate)
        {
            end = now + by;
        }

        while (true)
        {
            ClockTimer? next;
            lock (gate)
            {
                next = timers.Where(t => t.DueAt <= end).MinBy(t => t.DueAt);
                if (next is null)
                {
                    now = end;
                    return;
                }

                now = next.DueAt > now ? next.DueAt : now;
                next.Fired();
            }

            next.Callback(next.State);
        }
    }

    /// <summary>Jumps to the earliest pending timer and fires it; false when none is pending.</summary>
    public bool AdvanceToNextTimer()
    {
        DateTimeOffset due;
        lock (gate)
        {
            if (timers.Count == 0)
            {
                return false;
            }

            due = timers.Min(t => t.DueAt);
        }

        var current = GetUtcNow();
        Advance(due > current ? due - current : TimeSpan.Zero);
        return true;
    }

    /// <summary>
    /// Waits for <paramref name="task"/>, advancing the clock to the next timer whenever the task is
    /// idle on one (retry backoff, operation polling). Real HTTP is awaited, never simulated.
    /// </summary>
    public async Task<T> RunAsync<T>(Task<T> task)
    {
        for (var round = 0; round < 10_000 && !task.IsCompleted; round++)
        {
            await Task.WhenAny(task, Task.Delay(5));
            if (!task.IsCompleted)
            {
                AdvanceToNextTimer();
            }
        }

        return await task;
    }

    private void Schedule(ClockTimer timer, bool active)
    {
        lock (gate)
        {
            timers.Remove(timer);
            if (active)
            {
                timers.Add(timer);
            }
        }
    }

    private sealed class ClockTimer(EmulatorTestClock clock, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan period = Timeout.InfiniteTimeSpan;

        public TimerCallback Callback { get; } = callback;

        public object? State { get; } = state;

        public DateTimeOffset DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            this.period = period;
            var active = dueTime != Timeout.InfiniteTimeSpan;
            if (active)
            {
                DueAt = clock.GetUtcNow() + dueTime;
            }

            clock.Schedule(this, active);
            return true;
        }

        // Called under the clock's lock: re-arm a periodic timer or drop a one-shot one.
        public void Fired()
        {
            if (period > TimeSpan.Zero && period != Timeout.InfiniteTimeSpan)
            {
                DueAt += period;
            }
            else
            {
                clock.timers.Remove(this);
            }
        }

        public void Dispose() => clock.Schedule(this, active: false);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
