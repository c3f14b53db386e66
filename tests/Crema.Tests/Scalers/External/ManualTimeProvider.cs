using System.Diagnostics;

namespace Crema.Tests.Scalers.External;

/// <summary>
/// A clock that moves only when told. Records the due time of every timer created, so a test can
/// see which delay code under test asked for, then <see cref="Advance"/> past it.
/// </summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private readonly Lock gate = new();
    private readonly List<ManualTimer> timers = [];
    private readonly List<TimeSpan> requestedDelays = [];
    private DateTimeOffset now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public IReadOnlyList<TimeSpan> RequestedDelays
    {
        get
        {
            lock (gate)
            {
                return [.. requestedDelays];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        lock (gate)
        {
            requestedDelays.Add(dueTime);
            timers.Add(timer);
        }
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Waits (real time, up to 10 s) until at least <paramref name="count"/> timers have been requested; returns the latest due time.</summary>
    public async Task<TimeSpan> WaitForDelayAsync(int count)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            lock (gate)
            {
                if (requestedDelays.Count >= count)
                {
                    return requestedDelays[count - 1];
                }
            }
            if (clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new TimeoutException($"expected {count} timers, have {RequestedDelays.Count}");
            }
            await Task.Delay(10);
        }
    }

    /// <summary>Moves the clock forward and fires every timer that has come due.</summary>
    public void Advance(TimeSpan by)
    {
        List<ManualTimer> due;
        lock (gate)
        {
            now += by;
            due = timers.Where(t => t.DueAt is { } at && at <= now).ToList();
            foreach (var timer in due)
            {
                timer.Reschedule(now);
            }
        }
        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan period = Timeout.InfiniteTimeSpan;

        public DateTimeOffset? DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner.gate)
            {
                this.period = period;
                DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : owner.now + dueTime;
            }
            return true;
        }

        public void Reschedule(DateTimeOffset from) =>
            DueAt = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : from + period;

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (owner.gate)
            {
                DueAt = null;
                owner.timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
