using System.Globalization;

namespace Crema.Scalers.Cron;

/// <summary>
/// Reads one field the way KEDA's parser (robfig/cron) does: a comma list of <c>*</c> or <c>?</c>,
/// values (numbers, or month and weekday names), ranges <c>a-b</c> and steps <c>x/n</c> (<c>a/n</c>
/// means <c>a-max/n</c>), and rewrites it in plain numbers for Cronos, so that both read the same set.
/// Cronos-only syntax (<c>L</c>, <c>W</c>, <c>#</c>, weekday 7) is rejected, as KEDA rejects it.
/// </summary>
internal static class CronFieldParser
{
    /// <summary>
    /// Parses <paramref name="text"/>. <see cref="ParsedCronField.IsStar"/> is robfig's "star bit": set when a
    /// part is <c>*</c> or <c>?</c> without a step above 1; it decides how day-of-month and day-of-week combine.
    /// </summary>
    public static bool TryParse(string text, CronFieldKind kind, out ParsedCronField field, out string error)
    {
        field = default;
        var pieces = new List<string>();
        var star = false;
        foreach (var part in text.Split(','))
        {
            if (!TryParsePart(part, kind, out var piece, out var partIsStar, out var detail))
            {
                error = $"{kind.Name} field \"{text}\": {detail}";
                return false;
            }
            pieces.Add(piece);
            star |= partIsStar;
        }
        // A star part already covers every value, so the list adds nothing.
        field = new ParsedCronField(star ? "*" : string.Join(',', pieces), star);
        error = string.Empty;
        return true;
    }

    private static bool TryParsePart(string part, CronFieldKind kind, out string piece, out bool isStar, out string error)
    {
        piece = string.Empty;
        isStar = false;
        var rangeAndStep = part.Split('/');
        if (rangeAndStep.Length > 2)
        {
            error = $"too many slashes in \"{part}\"";
            return false;
        }
        var lowAndHigh = rangeAndStep[0].Split('-');
        int start, end;
        if (lowAndHigh[0] is "*" or "?")
        {
            if (lowAndHigh.Length > 1)
            {
                error = $"\"{part}\" is not a range: a range is a-b";
                return false;
            }
            (start, end, isStar) = (kind.Min, kind.Max, true);
        }
        else
        {
            if (lowAndHigh.Length > 2)
            {
                error = $"too many hyphens in \"{part}\"";
                return false;
            }
            if (!TryValue(lowAndHigh[0], kind, out start, out error))
            {
                return false;
            }
            end = start;
            if (lowAndHigh.Length == 2 && !TryValue(lowAndHigh[1], kind, out end, out error))
            {
                return false;
            }
        }

        var step = 1;
        if (rangeAndStep.Length == 2)
        {
            if (!TryNumber(rangeAndStep[1], out step, out error))
            {
                return false;
            }
            if (lowAndHigh.Length == 1)
            {
                end = kind.Max;
            }
            if (step > 1)
            {
                isStar = false;
            }
        }

        if (start < kind.Min)
        {
            error = $"{start} is below the minimum {kind.Min}";
            return false;
        }
        if (end > kind.Max)
        {
            error = $"{end} is above the maximum {kind.Max}";
            return false;
        }
        if (start > end)
        {
            error = $"the range starts at {start}, after its end {end}";
            return false;
        }
        if (step == 0)
        {
            error = $"the step in \"{part}\" must be a positive number";
            return false;
        }

        error = string.Empty;
        piece = isStar ? "*"
            : start == end || step > end - start ? Text(start)
            : step == 1 ? $"{Text(start)}-{Text(end)}"
            : $"{Text(start)}-{Text(end)}/{Text(step)}";
        return true;
    }

    private static bool TryValue(string text, CronFieldKind kind, out int value, out string error)
    {
        if (kind.Names is { } names && names.TryGetValue(text, out value))
        {
            error = string.Empty;
            return true;
        }
        if (text.Length == 0)
        {
            value = 0;
            error = "a value is missing (negative numbers are not allowed)";
            return false;
        }
        return TryNumber(text, out value, out error);
    }

    /// <summary>A non-negative decimal integer, optionally with a leading <c>+</c> (Go's strconv.Atoi, which KEDA's parser uses).</summary>
    private static bool TryNumber(string text, out int value, out string error)
    {
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) || text.StartsWith('-'))
        {
            error = $"\"{text}\" is not a number";
            return false;
        }
        error = string.Empty;
        return true;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
