using System.Globalization;

namespace Crema.Abstractions;

/// <summary>
/// Parses durations the way KEDA metadata writes them: Go-style (<c>300ms</c>, <c>30s</c>, <c>1h30m</c>,
/// <c>1.5s</c>) or a bare integer meaning milliseconds.
/// </summary>
public static class GoDuration
{
    private static readonly (string Unit, double Ticks)[] Units =
    [
        ("ns", 0.01), ("us", 10), ("µs", 10), ("μs", 10), ("ms", TimeSpan.TicksPerMillisecond),
        ("s", TimeSpan.TicksPerSecond), ("m", TimeSpan.TicksPerMinute), ("h", TimeSpan.TicksPerHour),
    ];

    /// <summary>Parses <paramref name="text"/>; false when it is not a duration.</summary>
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var s = text.Trim();
        if (s.Length == 0)
        {
            return false;
        }
        if (long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds))
        {
            if (milliseconds > (long)TimeSpan.MaxValue.TotalMilliseconds)
            {
                return false;
            }
            duration = TimeSpan.FromMilliseconds(milliseconds);
            return true;
        }
        var negative = s[0] == '-';
        var i = s[0] is '-' or '+' ? 1 : 0;
        double ticks = 0;
        if (i == s.Length)
        {
            return false;
        }
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
            {
                i++;
            }
            if (start == i || !double.TryParse(s.AsSpan(start, i - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }
            var unit = Units.Where(u => string.CompareOrdinal(s, i, u.Unit, 0, u.Unit.Length) == 0)
                .OrderByDescending(u => u.Unit.Length)
                .FirstOrDefault();
            if (unit.Unit is null)
            {
                return false;
            }
            i += unit.Unit.Length;
            ticks += number * unit.Ticks;
        }
        if (ticks >= TimeSpan.MaxValue.Ticks)
        {
            return false;
        }
        duration = TimeSpan.FromTicks((long)(negative ? -ticks : ticks));
        return true;
    }
}
