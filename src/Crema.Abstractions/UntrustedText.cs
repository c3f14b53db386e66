using System.Globalization;
using System.Text;

namespace Crema.Abstractions;

/// <summary>
/// Makes text from outside (a source's reply, a config key) safe for one-line messages and logs:
/// whitespace controls become spaces and every other control character is written as <c>\xNN</c>
/// (or <c>\uNNNN</c>), as are the Unicode line and paragraph separators and the bidirectional
/// overrides and isolates, so nothing can forge a log line, move a terminal's cursor or reorder what is shown.
/// </summary>
public static class UntrustedText
{
    /// <summary>The escaped text.</summary>
    public static string Escape(string text)
    {
        if (!text.Any(IsUnsafe))
        {
            return text;
        }
        var result = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\n' or '\r' or '\t')
            {
                result.Append(' ');
            }
            else if (IsUnsafe(c))
            {
                result.Append(c <= 0xff ? $"\\x{((int)c).ToString("x2", CultureInfo.InvariantCulture)}" : $"\\u{((int)c).ToString("x4", CultureInfo.InvariantCulture)}");
            }
            else
            {
                result.Append(c);
            }
        }
        return result.ToString();
    }

    // U+2028/U+2029 end a line in some viewers; U+202A-U+202E and U+2066-U+2069 reorder the text around them.
    private static bool IsUnsafe(char c) => char.IsControl(c) || c is '\u2028' or '\u2029' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069');
}
