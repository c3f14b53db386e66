using Cronos;

namespace Crema.Scalers.Cron;

/// <summary>
/// Reads a schedule with exactly the grammar KEDA's cron scaler accepts: robfig/cron's parser set to
/// minute, hour, day-of-month, month and day-of-week. So: five fields, no seconds, no descriptors
/// (<c>@daily</c>, <c>@every 1h</c>), no Quartz extensions (<c>L</c>, <c>W</c>, <c>#</c>); an optional
/// <c>CRON_TZ=Zone</c> or <c>TZ=Zone</c> prefix gives the expression its own time zone.
/// </summary>
internal static class CronScheduleParser
{
    private const string FieldList = "minute hour day-of-month month day-of-week";

    public static bool TryParse(string text, TimeZoneInfo zone, out CronSchedule? schedule, out string error)
    {
        schedule = null;
        var written = text.Trim();
        var spec = written;
        if (spec.StartsWith("TZ=", StringComparison.Ordinal) || spec.StartsWith("CRON_TZ=", StringComparison.Ordinal))
        {
            var space = spec.IndexOf(' ', StringComparison.Ordinal);
            if (space < 0)
            {
                error = $"\"{written}\": a {spec[..spec.IndexOf('=', StringComparison.Ordinal)]}= prefix must be followed by a space and the five fields";
                return false;
            }
            var name = spec[(spec.IndexOf('=', StringComparison.Ordinal) + 1)..space];
            if (!TimeZoneLookup.TryFind(name, out zone, out var zoneError))
            {
                error = $"\"{written}\": {zoneError}";
                return false;
            }
            spec = spec[space..].Trim();
        }
        if (spec.StartsWith('@'))
        {
            error = $"\"{written}\": descriptors such as @daily or @every are not accepted; write the five fields ({FieldList}), as KEDA requires";
            return false;
        }

        var fields = spec.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != CronFieldKind.InOrder.Count)
        {
            var hint = fields.Length == 6 ? "; a seconds field is not accepted" : "";
            error = $"\"{written}\": expected exactly 5 fields ({FieldList}), found {fields.Length}{hint}";
            return false;
        }
        var parsed = new ParsedCronField[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            if (!CronFieldParser.TryParse(fields[i], CronFieldKind.InOrder[i], out parsed[i], out var fieldError))
            {
                error = $"\"{written}\": {fieldError}";
                return false;
            }
        }

        var (minute, hour, dayOfMonth, month, dayOfWeek) = (parsed[0].CronosText, parsed[1].CronosText, parsed[2], parsed[3].CronosText, parsed[4]);
        // KEDA (like classic cron) fires on either day when both day fields are restricted; Cronos needs both.
        string[] expressions = dayOfMonth.IsStar || dayOfWeek.IsStar
            ? [$"{minute} {hour} {dayOfMonth.CronosText} {month} {dayOfWeek.CronosText}"]
            : [$"{minute} {hour} {dayOfMonth.CronosText} {month} *", $"{minute} {hour} * {month} {dayOfWeek.CronosText}"];
        try
        {
            schedule = new CronSchedule(written, zone, expressions);
        }
        catch (CronFormatException e)
        {
            // Not expected: the fields were checked above. Reported rather than thrown, like any bad input.
            error = $"\"{written}\": {e.Message}";
            return false;
        }
        error = string.Empty;
        return true;
    }
}
