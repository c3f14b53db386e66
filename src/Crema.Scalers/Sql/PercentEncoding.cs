using System.Text;

namespace Crema.Scalers.Sql;

/// <summary>
/// Percent-decoding as Go's drivers do it (url.PathUnescape, or QueryUnescape where '+' is a space): each %XX is one
/// byte of UTF-8; a '%' not followed by two hex digits is an error, not kept as text (.NET's Uri.UnescapeDataString
/// keeps it, which would hand a mistyped password to the server).
/// </summary>
internal static class PercentEncoding
{
    public static bool TryDecode(string text, bool plusIsSpace, out string value)
    {
        value = text;
        if (!text.Contains('%', StringComparison.Ordinal) && !(plusIsSpace && text.Contains('+', StringComparison.Ordinal)))
        {
            return true;
        }
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%')
            {
                if (i + 2 >= text.Length || !char.IsAsciiHexDigit(text[i + 1]) || !char.IsAsciiHexDigit(text[i + 2]))
                {
                    return false;
                }
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(plusIsSpace && text[i] == '+' ? " " : text[i].ToString()));
            }
        }
        value = Encoding.UTF8.GetString(bytes.ToArray());
        return true;
    }
}
