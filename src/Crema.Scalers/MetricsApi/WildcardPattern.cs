using System.Text;

namespace Crema.Scalers.MetricsApi;

/// <summary>
/// GJSON's simple pattern (tidwall/match): <c>*</c> matches any run of characters, <c>?</c> one character,
/// <c>\c</c> the character c. Matched by the greedy two-pointer method, so no pattern takes exponential time.
/// </summary>
internal static class WildcardPattern
{
    private const int Star = -1;
    private const int AnyOne = -2;
    private const int Never = -3;

    public static bool Matches(string text, string pattern)
    {
        var input = text.EnumerateRunes().Select(r => r.Value).ToArray();
        var tokens = Tokens(pattern);
        int i = 0, j = 0, star = -1, resume = 0;
        while (i < input.Length)
        {
            if (j < tokens.Length && (tokens[j] == AnyOne || tokens[j] == input[i]))
            {
                i++;
                j++;
            }
            else if (j < tokens.Length && tokens[j] == Star)
            {
                star = j++;
                resume = i;
            }
            else if (star >= 0)
            {
                j = star + 1;
                i = ++resume;
            }
            else
            {
                return false;
            }
        }
        while (j < tokens.Length && tokens[j] == Star)
        {
            j++;
        }
        return j == tokens.Length;
    }

    private static int[] Tokens(string pattern)
    {
        var tokens = new List<int>();
        var escaped = false;
        foreach (var rune in pattern.EnumerateRunes())
        {
            if (escaped)
            {
                tokens.Add(rune.Value);
                escaped = false;
            }
            else if (rune.Value == '\\')
            {
                escaped = true;
            }
            else
            {
                tokens.Add(rune.Value switch { '*' => Star, '?' => AnyOne, _ => rune.Value });
            }
        }
        if (escaped)
        {
            tokens.Add(Never); // a trailing backslash matches nothing, as in tidwall/match
        }
        return tokens.ToArray();
    }

    /// <summary>True when <paramref name="pattern"/> has an unescaped wildcard.</summary>
    public static bool HasWildcard(string pattern)
    {
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\')
            {
                i++;
            }
            else if (pattern[i] is '*' or '?')
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The pattern with its escapes removed: the literal key it names.</summary>
    public static string Unescape(string pattern)
    {
        var text = new StringBuilder(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\' && i + 1 < pattern.Length)
            {
                i++;
            }
            text.Append(pattern[i]);
        }
        return text.ToString();
    }
}
