using System.Globalization;
using System.Text;
using Crema.Abstractions;

namespace Crema.Scalers.MetricsApi;

/// <summary>
/// The value rules every format shares, as KEDA's GetValueFromResponse applies them: a number is taken
/// as it is, a string must be a Kubernetes quantity ("12", "1.5", "250m", "2Ki"), anything else is an
/// error; and, Crema's addition, the result must be finite. Messages quote at most a short, escaped
/// excerpt of what the response held.
/// </summary>
internal static class ValueText
{
    private const int ExcerptLength = 40;

    /// <summary>The body as text: UTF-8, without a byte order mark.</summary>
    public static string Decode(ReadOnlyMemory<byte> body)
    {
        var span = body.Span;
        if (span.StartsWith("\uFEFF"u8))
        {
            span = span[3..];
        }
        return Encoding.UTF8.GetString(span);
    }

    /// <summary>A string found at the location: its quantity value, or an error quoting it.</summary>
    public static double FromString(string location, string text)
    {
        if (KubernetesQuantity.TryParse(text, out var value))
        {
            return Finite(location, value);
        }
        throw new MetricsApiException(
            $"{Prefix(location)} points to the string \"{Excerpt(text)}\", which is neither a number nor a Kubernetes quantity (such as 12, 1.5, 250m or 2Ki)");
    }

    /// <summary>A number found at the location, checked to be finite.</summary>
    public static double Finite(string location, double value) =>
        double.IsFinite(value)
            ? value
            : throw new MetricsApiException($"{Prefix(location)} points to {Describe(value)}, not a finite number");

    /// <summary>The location names nothing in the response.</summary>
    public static MetricsApiException Missing(string location, string format, string? detail = null) =>
        new($"{Prefix(location)} matches nothing in the {format} response{(detail is null ? "" : ": " + detail)}");

    /// <summary>The location names something that is not a value (<paramref name="what"/>: "null", "an object"...).</summary>
    public static MetricsApiException NotAValue(string location, string what) =>
        new($"{Prefix(location)} points to {what}, not a number or a quantity string");

    /// <summary>The response cannot be read in its format at all.</summary>
    public static MetricsApiException Unreadable(string format, string where) =>
        new($"metrics-api: the response is not valid {format}{(where.Length > 0 ? " (" + where + ")" : "")}; check the url and the format key");

    /// <summary>At most a few dozen characters of response text, control characters escaped.</summary>
    public static string Excerpt(string text)
    {
        var escaped = UntrustedText.Escape(text);
        return escaped.Length > ExcerptLength ? escaped[..ExcerptLength] + "…" : escaped;
    }

    private static string Prefix(string location) => $"metrics-api: valueLocation \"{location}\"";

    private static string Describe(double value) =>
        double.IsNaN(value) ? "NaN" : double.IsPositiveInfinity(value) ? "+Inf" : double.IsNegativeInfinity(value) ? "-Inf" : value.ToString(CultureInfo.InvariantCulture);
}
