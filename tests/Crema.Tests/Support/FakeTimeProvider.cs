using System.Diagnostics;

namespace Crema.Tests.Support;

/// <summary>
/// A manual clock for tests: time moves only through <see cref="Advance"/> or <see cref="SetUtcNow"/>, which also
/// fire the timers created through <see cref="CreateTimer"/> (so <c>Task.Delay(d, fake)</c> and
/// <c>TimeProvider.Delay</c> complete). Starts at 2025-01-01T00:00:00Z unless told otherwise.
/// </summary>
public sealed class FakeTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<FakeTimer> _timers = [];
    private readonly List<TimeSpan> _requestedDueTimes = [];
    private DateTimeOffset _now;

    /// <summary>Creates the clock at <paramref name="start"/> (default 2025-01-01T00:00:00Z).</summary>
    public FakeTimeProvider(DateTimeOffset? start = null) => _now = start ?? new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>Number of timers currently scheduled (useful to wait until code under test is parked in a delay).</summary>
    public int ActiveTimerCount
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count(t => t.DueAt is not null);
            }
        }
    }

    /// <summary>The due time of every timer created so far, in order (which delays the code under test asked for).</summary>
    public IReadOnlyList<TimeSpan> RequestedDelays
    {
        get
        {
            lock (_gate)
            {
                return [.. _requestedDueTimes];
            }
        }
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <inheritdoc />
    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <summary>Moves the clock forward, firing due timers in time order (each at its own due time).</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_gate)
        {
            target = _now + delta;
        }

        MoveTo(target);
    }

    /// <summary>Sets the clock (never backwards), firing timers due by then.</summary>
    public void SetUtcNow(DateTimeOffset value)
    {
        lock (_gate)
        {
            if (value < _now)
            {
                throw new ArgumentOutOfRangeException(nameof(value), "the fake clock cannot go backwards");
            }
        }

        MoveTo(value);
    }

    /// <summary>Jumps to the earliest pending timer and fires it (and any due with it); false when none is pending.</summary>
    public bool AdvanceToNextTimer()
    {
        DateTimeOffset due;
        lock (_gate)
        {
            var next = _timers.Where(t => t.DueAt is not null).MinBy(t => t.DueAt);
            if (next is null)
            {
                return false;
            }

            due = next.DueAt!.Value > _now ? next.DueAt.Value : _now;
        }

        MoveTo(due);
        return true;
    }

    /// <summary>
    /// Waits for <paramref name="task"/>, advancing the clock to the next timer whenever the task is idle on
    /// one (retry backoff, operation polling). Real I/O is awaited, never simulated.
    /// </summary>
    public async Task<T> RunAsync<T>(Task<T> task)
    {
        ArgumentNullException.ThrowIfNull(task);
        for (var round = 0; round < 10_000 && !task.IsCompleted; round++)
        {
            await Task.WhenAny(task, Task.Delay(5)).ConfigureAwait(false);
            if (!task.IsCompleted)
            {
                AdvanceToNextTimer();
            }
        }

        return await task.ConfigureAwait(false);
    }

    /// <summary>
    /// Waits (real time, up to 10 s) until at least <paramref name="count"/> timers have been created;
    /// returns the due time the <paramref name="count"/>-th one asked for.
    /// </summary>
    public async Task<TimeSpan> WaitForDelayAsync(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            lock (_gate)
            {
                if (_requestedDueTimes.Count >= count)
                {
                    return _requestedDueTimes[count - 1];
                }
            }

            if (waited.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new TimeoutException($"expected {count} timers, have {RequestedDelays.Count}");
            }

            await Task.Delay(10).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new FakeTimer(this, callback, state);
        lock (_gate)
        {
            _timers.Add(timer);
            _requestedDueTimes.Add(dueTime);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    private void MoveTo(DateTimeOffset target)
    {
        while (true)
        {
            FakeTimer? next;
            lock (_gate)
            {
                next = _timers
                    .Where(t => t.DueAt is { } due && due <= target)
                    .OrderBy(t => t.DueAt)
                    .FirstOrDefault();
                if (next is null)
                {
                    _now = target;
                    return;
                }

                if (next.DueAt > _now)
                {
                    _now = next.DueAt!.Value;
                }

                next.DueAt = next.Period is { } period && period > TimeSpan.Zero ? _now + period : null;
            }

            // Outside the lock: the callback may create or change timers.
            next.Fire();
        }
    }

    private sealed class FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? DueAt { get; set; }

        public TimeSpan? Period { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                if (!owner._timers.Contains(this))
                {
                    return false;
                }

                Period = period == Timeout.InfiniteTimeSpan ? null : period;
                DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : owner._now + dueTime;
            }

            // A zero due time fires at once, as a real timer would (soon).
            if (dueTime == TimeSpan.Zero)
            {
                owner.MoveTo(owner.GetUtcNow());
            }

            return true;
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (owner._gate)
            {
                owner._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
