namespace Crema.Google.Http;

/// <summary>
/// A token bucket shared by every caller of one API quota, with a rate that backs off for all of them
/// at once: a throttled reply halves the rate (once per round of requests, not once per reply), drains
/// the bucket and, with Retry-After, pauses it; the rate then climbs back linearly to its ceiling over
/// <see cref="RecoveryTime"/>. Waiters are served one token at a time in arrival order, so neither the
/// end of a pause nor a recovered rate can release a burst.
/// </summary>
/// <remarks>
/// Hand-written because System.Threading.RateLimiting's limiters (and Polly's, built on them) replenish
/// on a real timer without a TimeProvider (dotnet/runtime#106447) and fix their rate at construction;
/// this one must follow the daemon's clock in tests, change its rate and honour a shared pause.
/// </remarks>
internal sealed class AimdTokenBucket
{
    /// <summary>How long a halved rate takes to climb back by the whole ceiling (so half of it takes half).</summary>
    public static readonly TimeSpan RecoveryTime = TimeSpan.FromSeconds(60);

    // Halving stops here: a quota 16 times lower than configured is still found, and a stream of 429s
    // never stops calls altogether.
    private const double FloorDivisor = 16;

    // Absorbs rounding so that a token refilled to 0.9999999 counts as whole.
    private const double Epsilon = 1e-9;

    private readonly Lock gate = new();
    private readonly TimeProvider time;
    private readonly double capacity;
    private readonly double ceiling;
    private readonly double floor;
    private readonly TimeSpan maxPause;
    private readonly LinkedList<TaskCompletionSource<long>> waiters = new();
    private double tokens;
    private long refilledAt;
    private long pausedUntil;
    private long decreasedAt = long.MinValue;

    // The rate climbs linearly from rampFrom at rampStart (no climbing during a pause: nothing was sent).
    private double rampFrom;
    private long rampStart = long.MinValue;
    private ITimer? timer;

    /// <summary>
    /// Paces to at most <paramref name="perMinute"/> grants in any 60 s: a burst of a tenth of it
    /// (at least one) plus the rest spread evenly over the minute.
    /// </summary>
    public AimdTokenBucket(int perMinute, TimeProvider time, TimeSpan maxPause)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perMinute, 1);
        this.time = time;
        this.maxPause = maxPause;
        capacity = Math.Max(1, perMinute / 10);
        ceiling = Math.Max(1, perMinute - capacity) / 60.0;
        floor = ceiling / FloorDivisor;
        tokens = capacity;
        refilledAt = time.GetTimestamp();
        pausedUntil = refilledAt;
    }

    /// <summary>Grants per second the bucket allows now (after any back-off, before any pause).</summary>
    public double Rate
    {
        get
        {
            lock (gate)
            {
                return RateAt(time.GetTimestamp());
            }
        }
    }

    /// <summary>The most grants per second the bucket ever allows.</summary>
    public double Ceiling => ceiling;

    /// <summary>Callers waiting for a token.</summary>
    public int Waiting
    {
        get
        {
            lock (gate)
            {
                return waiters.Count;
            }
        }
    }

    /// <summary>Waits for a token; returns the timestamp (<see cref="TimeProvider.GetTimestamp"/>) it was granted at.</summary>
    public ValueTask<long> TakeAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        LinkedListNode<TaskCompletionSource<long>> node;
        lock (gate)
        {
            var now = time.GetTimestamp();
            Refill(now);
            if (waiters.Count == 0 && now >= pausedUntil && tokens >= 1 - Epsilon)
            {
                tokens -= 1;
                return ValueTask.FromResult(now);
            }

            node = waiters.AddLast(new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
            Schedule(now);
        }

        return new ValueTask<long>(WaitAsync(node, cancellationToken));
    }

    /// <summary>
    /// Takes a token only if one is free now (nobody waiting, no pause); never waits. For work that may be
    /// skipped when the quota is busy.
    /// </summary>
    public bool TryTake() => Free(take: true);

    /// <summary>Whether a token is free now (nobody waiting, no pause), without taking it.</summary>
    public bool HasFree => Free(take: false);

    private bool Free(bool take)
    {
        lock (gate)
        {
            var now = time.GetTimestamp();
            Refill(now);
            if (waiters.Count == 0 && now >= pausedUntil && tokens >= 1 - Epsilon)
            {
                tokens -= take ? 1 : 0;
                return true;
            }

            return false;
        }
    }

    /// <summary>
    /// A reply to a request granted at <paramref name="grantedAt"/> said "too many requests": back off for
    /// everyone. Replies to requests sent before the last back-off are that same congestion and do not halve
    /// again; a Retry-After pauses the bucket until then (capped), whichever request it came with.
    /// </summary>
    public void Throttled(long grantedAt, TimeSpan? retryAfter)
    {
        List<TaskCompletionSource<long>> granted;
        long now;
        lock (gate)
        {
            now = time.GetTimestamp();
            Refill(now);
            var current = RateAt(now);
            rampFrom = current;
            rampStart = Math.Max(now, pausedUntil);
            if (grantedAt > decreasedAt)
            {
                rampFrom = Math.Max(floor, current / 2);
                decreasedAt = now;
                tokens = 0;
            }

            if (retryAfter is { } after && after > TimeSpan.Zero)
            {
                var pause = after < maxPause ? after : maxPause;
                pausedUntil = Math.Max(pausedUntil, now + (long)(pause.TotalSeconds * time.TimestampFrequency));
                rampStart = Math.Max(rampStart, pausedUntil);

                // One call may go when the server said it may; the rest follow at the lowered rate.
                tokens = 1;
            }

            granted = Grant(now);
            Schedule(now);
        }

        foreach (var waiter in granted)
        {
            waiter.TrySetResult(now);
        }
    }

    // Completes with the waiter's own task (so a grant is visible the moment it is made) and removes the
    // waiter when the caller gives up; a token granted in that same instant is lost, never handed out twice.
    private Task<long> WaitAsync(LinkedListNode<TaskCompletionSource<long>> node, CancellationToken cancellationToken)
    {
        var waiter = node.Value;
        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(() =>
            {
                lock (gate)
                {
                    if (node.List is not null)
                    {
                        waiters.Remove(node);
                        Schedule(time.GetTimestamp());
                    }
                }

                waiter.TrySetCanceled(cancellationToken);
            });
            _ = waiter.Task.ContinueWith(
                static (_, r) => ((CancellationTokenRegistration)r!).Dispose(), registration,
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return waiter.Task;
    }

    private void OnTimer(object? state)
    {
        List<TaskCompletionSource<long>> granted;
        long now;
        lock (gate)
        {
            now = time.GetTimestamp();
            Refill(now);
            granted = Grant(now);
            Schedule(now);
        }

        foreach (var waiter in granted)
        {
            waiter.TrySetResult(now);
        }
    }

    // Hands whole tokens to the oldest waiters; called under the lock, completed outside it.
    private List<TaskCompletionSource<long>> Grant(long now)
    {
        var granted = new List<TaskCompletionSource<long>>();
        while (waiters.First is { } first && now >= pausedUntil && tokens >= 1 - Epsilon)
        {
            waiters.RemoveFirst();
            tokens -= 1;
            granted.Add(first.Value);
        }

        if (waiters.Count == 0)
        {
            tokens = Math.Min(tokens, capacity);
        }

        return granted;
    }

    // Arms one timer for the moment the oldest waiter can have its token; none while nobody waits, so an
    // idle bucket holds no timer.
    private void Schedule(long now)
    {
        if (waiters.Count == 0)
        {
            timer?.Dispose();
            timer = null;
            return;
        }

        var seconds = now < pausedUntil
            ? (pausedUntil - now) / (double)time.TimestampFrequency
            : Math.Max(0, 1 - tokens) / RateAt(now);
        var due = TimeSpan.FromTicks(Math.Max(1, (long)Math.Ceiling(seconds * TimeSpan.TicksPerSecond)));

        // A new timer rather than Change: a test clock sees each wait as the request of a timer.
        timer?.Dispose();
        timer = time.CreateTimer(OnTimer, null, due, Timeout.InfiniteTimeSpan);
    }

    private void Refill(long now)
    {
        var from = Math.Max(refilledAt, pausedUntil);
        if (now > from)
        {
            // The rate at the start of the span: never more than the bucket was allowed. The cap applies to an
            // idle bucket only: with callers waiting, what a late timer accrued goes to them, not lost.
            var limit = waiters.Count > 0 ? double.MaxValue : capacity;
            tokens = Math.Min(limit, tokens + (RateAt(from) * (now - from) / time.TimestampFrequency));
        }

        refilledAt = Math.Max(refilledAt, now);
    }

    private double RateAt(long at)
    {
        if (rampStart == long.MinValue)
        {
            return ceiling;
        }

        var since = Math.Max(0, at - rampStart) / (double)time.TimestampFrequency;
        return Math.Min(ceiling, rampFrom + (ceiling * since / RecoveryTime.TotalSeconds));
    }
}
