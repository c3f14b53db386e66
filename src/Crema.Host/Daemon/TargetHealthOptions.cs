namespace Crema.Host.Daemon;

/// <summary>
/// How often Crema re-reads a target's count and how it backs off a target Cloud Run refuses. Defaults:
/// the count is read again at most every 15 s (and never more often than the object's polling interval);
/// persistent etag conflicts (409/412) wait 1 s, doubling up to 30 s; other failures (403, 404, a failed
/// update, an unreadable target) wait 5 s, doubling up to 2 min; every delay is jittered by ±20 %.
/// </summary>
internal sealed record TargetHealthOptions
{
    /// <summary>Default of <see cref="ReadInterval"/>: 15 s, one GET per target every 15 s at most.</summary>
    public static readonly TimeSpan DefaultReadInterval = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Least time between two reads of the count made only to notice another writer (drift); 15 s by
    /// default. The effective interval is the larger of this and the object's polling interval, so zero means
    /// every poll. Reads Crema needs anyway (before an update, after a conflict) count as such a read.
    /// </summary>
    public TimeSpan ReadInterval { get; init; } = DefaultReadInterval;

    /// <summary>Wait after the second conflict in a row (the first is retried at once); default 1 s.</summary>
    public TimeSpan ConflictBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between conflicting attempts, before jitter; default 30 s.</summary>
    public TimeSpan ConflictMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Wait after the first failure that is not a conflict; default 5 s.</summary>
    public TimeSpan ErrorBaseDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait between failing attempts, before jitter; default 2 min (the time a fixed permission may take to be noticed).</summary>
    public TimeSpan ErrorMaxDelay { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Source of jitter, a number in [0, 1); default <see cref="Random.Shared"/>. Tests pin it.</summary>
    public Func<double> Random { get; init; } = System.Random.Shared.NextDouble;

    /// <summary>The defaults.</summary>
    public static TargetHealthOptions Default { get; } = new();
}
