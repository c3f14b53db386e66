namespace Crema.Host.Daemon;

/// <summary>
/// The time the daemon has to stop after SIGTERM. Cloud Run sends SIGKILL 10 s after SIGTERM (fixed),
/// Kubernetes after the pod's terminationGracePeriodSeconds (30 s by default), so every stop step is bounded
/// by this grace (default 8 s). From SIGTERM on: reads are abandoned, an accepted update is not waited for
/// (Cloud Run finishes its operation; the next start reads the real count), an update still unanswered is
/// given until <see cref="UpdatesEnd"/>, and whatever still runs when the grace is over is left behind.
/// </summary>
internal sealed class ShutdownGrace
{
    /// <summary>8 s: inside Cloud Run's fixed 10 s, with room for the process to exit.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(8);

    /// <summary>The last part of the grace, kept for logging what was cut and closing the HTTP surface: 1 s (a quarter of shorter graces).</summary>
    private static readonly TimeSpan LongestMargin = TimeSpan.FromSeconds(1);

    private readonly TimeProvider time;
    private readonly CancellationTokenSource stopping = new();
    private readonly CancellationTokenSource updatesEnd = new();
    private readonly CancellationTokenSource ended = new();
    private readonly Lock gate = new();
    // Kept so the timers live until they fire; one-shot, they need no disposal (the tokens outlive the daemon's stop).
    private ITimer? updatesTimer;
    private ITimer? endTimer;
    private bool begun;

    public ShutdownGrace(TimeSpan grace, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(grace, TimeSpan.Zero);
        Grace = grace;
        this.time = time;
    }

    public TimeSpan Grace { get; }

    /// <summary>When unanswered updates are given up, counted from SIGTERM.</summary>
    public TimeSpan UpdatesGrace => Grace - (Grace / 4 < LongestMargin ? Grace / 4 : LongestMargin);

    public bool IsStopping => stopping.IsCancellationRequested;

    /// <summary>Cancelled at SIGTERM: stop waiting for what needs no waiting (an accepted update's operation).</summary>
    public CancellationToken Stopping => stopping.Token;

    /// <summary>Cancelled <see cref="UpdatesGrace"/> after SIGTERM: an update still in flight is given up.</summary>
    public CancellationToken UpdatesEnd => updatesEnd.Token;

    /// <summary>Cancelled <see cref="Grace"/> after SIGTERM: the stop stops waiting for anything.</summary>
    public CancellationToken Ended => ended.Token;

    /// <summary>Starts the grace (SIGTERM, or the host stopping); later calls do nothing.</summary>
    public void Begin()
    {
        lock (gate)
        {
            if (begun)
            {
                return;
            }
            begun = true;
            // The sources are the timers' state: a timeout beside work in flight, not a wait anyone parks on.
            updatesTimer = time.CreateTimer(Cancel, updatesEnd, UpdatesGrace, Timeout.InfiniteTimeSpan);
            endTimer = time.CreateTimer(Cancel, ended, Grace, Timeout.InfiniteTimeSpan);
        }
        stopping.Cancel();
    }

    private static void Cancel(object? source)
    {
        try
        {
            ((CancellationTokenSource)source!).Cancel();
        }
        catch (AggregateException)
        {
            // A callback registered on the token failed; the stop goes on regardless.
        }
    }
}
