namespace Crema.Scalers.Cron;

/// <summary>
/// Whether an instant lies inside a cron window, decided as KEDA decides it: take the next start and the
/// next end strictly after now; the window is open unless the next start comes first. So it opens at a
/// start instant and closes at an end instant ([start, end)), a window may cross midnight or any other
/// boundary, and when a start and an end fall on the same instant the window is open until then.
/// </summary>
/// <param name="IsOpen">True inside the window.</param>
/// <param name="NextStart">The next start after now; null when the schedule never fires again.</param>
/// <param name="NextEnd">The next end after now; null when the schedule never fires again.</param>
internal readonly record struct CronWindow(bool IsOpen, DateTimeOffset? NextStart, DateTimeOffset? NextEnd)
{
    public static CronWindow At(CronSchedule start, CronSchedule end, DateTimeOffset now)
    {
        var nextStart = start.Next(now);
        var nextEnd = end.Next(now);
        // A schedule that never fires again is infinitely far away (KEDA gets the same result from its zero time).
        var open = nextEnd is { } closing && (nextStart is not { } opening || closing <= opening);
        return new CronWindow(open, nextStart, nextEnd);
    }
}
