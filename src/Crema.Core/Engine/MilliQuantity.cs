namespace Crema.Core.Engine;

/// <summary>
/// KEDA hands metric values to the HPA and to the scaling-modifiers formula as milli-quantities,
/// <c>resource.NewMilliQuantity(int64(value * 1000))</c>: truncated to a thousandth.
/// </summary>
internal static class MilliQuantity
{
    private const long Largest = long.MaxValue / 1000;

    /// <summary>The value in milli-units, truncated toward zero as Go's int64 conversion does (capped, never overflowing).</summary>
    public static long Of(double value) => value >= Largest ? Largest : value <= -Largest ? -Largest : (long)(value * 1000);

    /// <summary>The value as the quantity reads back: AsApproximateFloat64 multiplies by math.Pow10(-3), it does not divide.</summary>
    public static double Truncate(double value) => Of(value) * 0.001;
}
