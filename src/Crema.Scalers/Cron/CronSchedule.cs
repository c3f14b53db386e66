using Cronos;

namespace Crema.Scalers.Cron;

/// <summary>
/// A five-field schedule as KEDA reads it, evaluated by Cronos in its time zone. When both day-of-month
/// and day-of-week are restricted KEDA fires on days matching either (classic cron), while Cronos wants
/// both; such a schedule is therefore two Cronos expressions and the earlier occurrence wins.
/// </summary>
internal sealed class CronSchedule
{
    private readonly IReadOnlyList<CronExpression> expressions;

    public CronSchedule(string text, TimeZoneInfo zone, IReadOnlyList<string> cronosExpressions)
    {
        Text = text;
        Zone = zone;
        CronosExpressions = cronosExpressions;
        expressions = cronosExpressions.Select(e => CronExpression.Parse(e, CronFormat.Standard)).ToArray();
    }

    /// <summary>The expression as written (with its <c>CRON_TZ=</c> prefix, if any).</summary>
    public string Text { get; }

    /// <summary>The zone the schedule is read in: the trigger's timezone, or the expression's own <c>CRON_TZ=</c>.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>What Cronos evaluates (plain numbers); two entries when day-of-month and day-of-week are both restricted.</summary>
    public IReadOnlyList<string> CronosExpressions { get; }

    /// <summary>True when both schedules fire at exactly the same instants.</summary>
    public bool SameAs(CronSchedule other) =>
        Zone.HasSameRules(other.Zone) && CronosExpressions.SequenceEqual(other.CronosExpressions, StringComparer.Ordinal);

    /// <summary>
    /// The first occurrence strictly after <paramref name="after"/>, or null when there is none. Cronos's rules
    /// at daylight-saving changes apply: a time skipped in spring fires at the first instant after the gap;
    /// a repeated autumn time fires once (in the earlier offset) unless the minute or hour field is a range,
    /// step or star, which fires in both.
    /// </summary>
    public DateTimeOffset? Next(DateTimeOffset after)
    {
        DateTimeOffset? next = null;
        foreach (var expression in expressions)
        {
            if (expression.GetNextOccurrence(after, Zone) is { } found && (next is null || found < next))
            {
                next = found;
            }
        }
        return next;
    }

    public override string ToString() => Text;
}
