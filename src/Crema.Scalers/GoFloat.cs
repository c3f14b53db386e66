using System.Globalization;

namespace Crema.Scalers;

/// <summary>Text read as Go's strconv.ParseFloat reads it, which is how KEDA turns text from a source into a number.</summary>
internal static class GoFloat
{
    /// <summary>
    /// The number in <paramref name="text"/>: an optional sign, decimal digits with a point and an exponent, or
    /// Inf/Infinity/NaN in any case; no surrounding spaces, no thousands separators. Null for anything else (empty too).
    /// </summary>
    public static double? Parse(string text)
    {
        var unsigned = text.Length > 0 && text[0] is '+' or '-' ? text[1..] : text;
        if (unsigned.Equals("inf", StringComparison.OrdinalIgnoreCase) || unsigned.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            return text[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity;
        }
        if (unsigned.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            return double.NaN;
        }
        const NumberStyles Styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        return unsigned.Length > 0 && (char.IsAsciiDigit(unsigned[0]) || unsigned[0] == '.')
            && double.TryParse(text, Styles, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
    }
}
