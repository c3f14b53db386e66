namespace Crema.Host.Daemon;

/// <summary>
/// Spreads the scaling loops over their polling interval, so that thousands of objects started together
/// neither poll their sources nor write to Cloud Run in the same second of every interval. A loop polls at
/// once when it starts, then waits a uniformly random part of its interval (its phase), then about an
/// interval each time: up to <see cref="Spread"/> (10 %) less, never more, so a change is still seen within
/// one interval and phases that fell into step (after a shared back-off, say) drift apart again.
/// </summary>
internal sealed class LoopJitter(Func<double> random)
{
    /// <summary>The largest share of the interval a wait after the first is shortened by.</summary>
    public const double Spread = 0.1;

    /// <summary>No jitter: every wait is the interval (what tests that count polls expect).</summary>
    public static LoopJitter None { get; } = new(static () => 0);

    /// <summary>The wait after a loop's first poll: in (0, interval].</summary>
    public TimeSpan FirstWait(TimeSpan interval) => Shorten(interval, Next());

    /// <summary>Every later wait: in ((1 - <see cref="Spread"/>) × interval, interval].</summary>
    public TimeSpan NextWait(TimeSpan interval) => Shorten(interval, Spread * Next());

    private static TimeSpan Shorten(TimeSpan interval, double share) =>
        TimeSpan.FromTicks(Math.Max(1, (long)(interval.Ticks * (1 - share))));

    // A source outside [0, 1) (a careless test double) must not make a wait negative or longer than the interval.
    private double Next() => Math.Clamp(random(), 0, 1);
}
