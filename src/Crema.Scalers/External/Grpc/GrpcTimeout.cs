using System.Globalization;

namespace Crema.Scalers.External.Grpc;

/// <summary>Writes the <c>grpc-timeout</c> request header: at most 8 digits and a unit.</summary>
internal static class GrpcTimeout
{
    private const long MaxDigits = 99_999_999;

    private static readonly (char Unit, long Ticks)[] Units =
    [
        ('m', TimeSpan.TicksPerMillisecond),
        ('S', TimeSpan.TicksPerSecond),
        ('M', TimeSpan.TicksPerMinute),
        ('H', TimeSpan.TicksPerHour),
    ];

    /// <summary>The header value for <paramref name="timeout"/>, rounded up so the server never gives up first.</summary>
    public static string Format(TimeSpan timeout)
    {
        var ticks = Math.Max(timeout.Ticks, 0);
        // Sub-millisecond precision is pointless over a network; milliseconds are the finest unit used.
        foreach (var (unit, unitTicks) in Units)
        {
            var count = (ticks + unitTicks - 1) / unitTicks;
            if (count <= MaxDigits)
            {
                return count.ToString(CultureInfo.InvariantCulture) + unit;
            }
        }
        return MaxDigits.ToString(CultureInfo.InvariantCulture) + "H";
    }
}
