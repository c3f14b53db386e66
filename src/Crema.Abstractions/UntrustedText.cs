using System.Globalization;
using System.Text;

namespace Crema.Abstractions;

/// <summary>
/// Makes text from outside (a source's reply, a config key) safe for one-line messages and logs:
/// whitespace controls become spaces and every other control character is written as <c>\xNN</c>
/// (or <c>\uNNNN</c>), so nothing can forge a log line or move a terminal's cursor.
/// </summary>
public static class UntrustedText
{
    /// <summary>The escaped text.</summary>
    public static string Escape(string text)
    {
        if (!text.Any(char.IsControl))
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
            else if (char.IsControl(c))
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
}
