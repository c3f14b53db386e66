using System.Globalization;
using System.Text;

namespace Crema.Scalers.Sql;

/// <summary>
/// Turns the first column of a query's first row into the metric value as KEDA does (Go's database/sql scanning
/// into a float64): any number, and text (or bytes) holding a number, are read; NULL, booleans, dates and other
/// text are errors, so a broken query never reads as 0 and never scales anything to zero.
/// </summary>
internal static class SqlResultValue
{
    private const int MaxShown = 40;

    /// <summary>The value as a double, or null with <paramref name="error"/> saying why it is not a number.</summary>
    public static double? ToNumber(object? value, string typeName, out string? error)
    {
        error = null;
        switch (value)
        {
            case null or DBNull:
                error = "the query returned NULL; return a number, for example with COALESCE(..., 0)";
                return null;
            case double d:
                return d;
            case float f:
                return f;
            case decimal m:
                return (double)m;
            case long or int or short or sbyte or byte or ulong or uint or ushort:
                return Convert.ToDouble(value, CultureInfo.InvariantCulture);
            case string text:
                return Parse(text, typeName, out error);
            case byte[] bytes:
                return Parse(Encoding.UTF8.GetString(bytes), typeName, out error);
            default:
                error = $"the query returned a {typeName} ({value.GetType().Name}), not a number";
                return null;
        }
    }

    /// <summary>
    /// Text as Go's strconv.ParseFloat reads it (<see cref="GoFloat"/>).
    /// </summary>
    internal static double? Parse(string text, string typeName, out string? error)
    {
        error = null;
        if (GoFloat.Parse(text) is { } number)
        {
            return number;
        }
        var shown = text.Length <= MaxShown ? text : text[..MaxShown] + "...";
        error = $"the query returned the {typeName} \"{Abstractions.UntrustedText.Escape(shown)}\", which is not a number";
        return null;
    }
}
