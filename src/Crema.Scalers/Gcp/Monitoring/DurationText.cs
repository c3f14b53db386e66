using System.Globalization;

namespace Crema.Scalers.Gcp.Monitoring;

/// <summary>Writes durations the way users write them in metadata (<c>2m</c>, <c>90s</c>).</summary>
internal static class DurationText
{
    public static string Format(TimeSpan duration) =>
        duration.Ticks % TimeSpan.TicksPerMinute == 0
            ? ((long)duration.TotalMinutes).ToString(CultureInfo.InvariantCulture) + "m"
            : duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
}
