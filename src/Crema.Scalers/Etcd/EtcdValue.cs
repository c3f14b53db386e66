using System.Text;
using Crema.Abstractions;

namespace Crema.Scalers.Etcd;

/// <summary>Reads a key's value as KEDA does, with Go's strconv.ParseFloat on the raw bytes.</summary>
internal static class EtcdValue
{
    private const int MaxShown = 64;

    /// <summary>
    /// The number in <paramref name="bytes"/>: an optional sign, decimal digits with a point and an exponent, or
    /// Inf/Infinity/NaN in any case; no spaces. Null, with the reason, for anything else (an empty value too).
    /// </summary>
    public static double? Parse(ReadOnlySpan<byte> bytes, out string? error)
    {
        var text = Encoding.UTF8.GetString(bytes);
        error = null;
        if (GoFloat.Parse(text) is { } number)
        {
            return number;
        }
        var shown = text.Length <= MaxShown ? text : text[..MaxShown] + "...";
        error = text.Length == 0 ? "the value is empty, not a number" : $"the value \"{UntrustedText.Escape(shown)}\" is not a number";
        return null;
    }
}
