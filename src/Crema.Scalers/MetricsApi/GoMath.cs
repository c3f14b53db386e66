using System.Globalization;

namespace Crema.Scalers.MetricsApi;

/// <summary>
/// Go's <c>math.Pow10</c>, table for table, so a quantity's float comes out bit-identical to KEDA's
/// (<c>value * Pow10(scale)</c>): exact powers up to 1e31, products and quotients of two table entries beyond.
/// </summary>
internal static class GoMath
{
    private static readonly double[] Table = Enumerable.Range(0, 32).Select(n => Power(n)).ToArray();
    private static readonly double[] PositiveBy32 = Enumerable.Range(0, 10).Select(n => Power(n * 32)).ToArray();
    private static readonly double[] NegativeBy32 = Enumerable.Range(0, 11).Select(n => Power(-n * 32)).ToArray();

    /// <summary>10^<paramref name="n"/>: +Inf above 308, 0 below -323.</summary>
    public static double Pow10(int n)
    {
        if (n is >= 0 and <= 308)
        {
            return PositiveBy32[n / 32] * Table[n % 32];
        }
        if (n is >= -323 and < 0)
        {
            return NegativeBy32[-n / 32] / Table[-n % 32];
        }
        return n > 0 ? double.PositiveInfinity : 0;
    }

    private static double Power(int n) => double.Parse("1e" + n.ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
}
