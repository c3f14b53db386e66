using System.Globalization;
using Crema.Abstractions;

namespace Crema.Scalers.Cron;

/// <summary>The typed metadata of a <c>cron</c> trigger (KEDA's fields; all required, none has a default).</summary>
/// <param name="TimeZone">The zone the schedules are read in (IANA name, for example Europe/Berlin).</param>
/// <param name="Start">When the window opens (five fields, KEDA's grammar).</param>
/// <param name="End">When the window closes; never the same schedule as <paramref name="Start"/>.</param>
/// <param name="DesiredReplicas">Replicas inside the window; an integer &gt;= 1.</param>
internal sealed record CronMetadata(TimeZoneInfo TimeZone, CronSchedule Start, CronSchedule End, long DesiredReplicas)
{
    /// <summary>
    /// The target per replica. KEDA reports desiredReplicas against a target of 1, so with AverageValue
    /// (the default metricType) the trigger proposes exactly desiredReplicas.
    /// </summary>
    public const double Target = 1;

    /// <summary>The value KEDA reports: desiredReplicas inside the window, 0 outside.</summary>
    public double ValueFor(CronWindow window) => window.IsOpen ? DesiredReplicas : 0;

    /// <summary>
    /// The reading for a value of this trigger (desiredReplicas inside the window, 0 outside): active
    /// while it is above 0, which is exactly inside the window since desiredReplicas is at least 1.
    /// </summary>
    public MetricReading ToReading(double value) => new(value, Target, value > 0);

    /// <summary>The live reading at <paramref name="now"/>, with a note saying when the window changes next.</summary>
    public MetricReading ReadingAt(DateTimeOffset now)
    {
        var window = CronWindow.At(Start, End, now);
        return ToReading(ValueFor(window)) with { Note = Describe(window) };
    }

    private string Describe(CronWindow window) => window.IsOpen
        ? $"inside the window until {Local(window.NextEnd, End.Zone)}"
        : window.NextStart is null
            ? "outside the window; start never occurs again"
            : $"outside the window; next start {Local(window.NextStart, Start.Zone)}";

    private static string Local(DateTimeOffset? instant, TimeZoneInfo zone) => instant is { } value
        ? $"{TimeZoneInfo.ConvertTime(value, zone).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)} ({zone.Id})"
        : "never";
}
