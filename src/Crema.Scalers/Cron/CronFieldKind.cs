namespace Crema.Scalers.Cron;

/// <summary>
/// One of the five fields of KEDA's cron grammar (robfig/cron's parser with minute, hour,
/// day-of-month, month and day-of-week): its bounds and the names it accepts. Day-of-week is 0-6
/// (Sunday is 0; 7 is not accepted, as in KEDA).
/// </summary>
internal sealed record CronFieldKind(string Name, int Min, int Max, IReadOnlyDictionary<string, int>? Names = null)
{
    public static readonly CronFieldKind Minute = new("minute", 0, 59);

    public static readonly CronFieldKind Hour = new("hour", 0, 23);

    public static readonly CronFieldKind DayOfMonth = new("day-of-month", 1, 31);

    public static readonly CronFieldKind Month = new("month", 1, 12, NamesFrom(1, "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"));

    public static readonly CronFieldKind DayOfWeek = new("day-of-week", 0, 6, NamesFrom(0, "sun", "mon", "tue", "wed", "thu", "fri", "sat"));

    /// <summary>The fields in the order they are written.</summary>
    public static readonly IReadOnlyList<CronFieldKind> InOrder = [Minute, Hour, DayOfMonth, Month, DayOfWeek];

    private static Dictionary<string, int> NamesFrom(int first, params string[] names)
    {
        var map = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Length; i++)
        {
            map[names[i]] = first + i;
        }
        return map;
    }
}
