namespace Crema.Abstractions;

/// <summary>
/// Redacts secrets that a message shows cut short. Messages quote untrusted text as excerpts ending in "…" or
/// "..."; when that text was a credential a server echoed back, the excerpt holds its beginning, which replacing
/// the whole secret misses.
/// </summary>
public static class CutSecrets
{
    /// <summary>Shorter beginnings are left alone: they reveal next to nothing and would mangle ordinary words.</summary>
    public const int ShortestPrefix = 4;

    private static readonly string[] Markers = ["…", "..."];

    /// <summary>
    /// <paramref name="text"/> with every beginning of one of <paramref name="secrets"/> (at least
    /// <see cref="ShortestPrefix"/> characters) that ends just before a cut marker replaced by <paramref name="replacement"/>.
    /// </summary>
    public static string Redact(string text, IReadOnlyCollection<string> secrets, string replacement)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(secrets);
        if (secrets.Count == 0)
        {
            return text;
        }
        foreach (var marker in Markers)
        {
            var at = text.IndexOf(marker, StringComparison.Ordinal);
            while (at >= 0)
            {
                var cut = LongestBeginningEndingAt(text, at, secrets);
                if (cut > 0)
                {
                    text = string.Concat(text.AsSpan(0, at - cut), replacement, text.AsSpan(at));
                    at += replacement.Length - cut;
                }
                at = text.IndexOf(marker, at + marker.Length, StringComparison.Ordinal);
            }
        }
        return text;
    }

    private static int LongestBeginningEndingAt(string text, int end, IReadOnlyCollection<string> secrets)
    {
        var best = 0;
        foreach (var secret in secrets)
        {
            for (var length = Math.Min(secret.Length - 1, end); length >= Math.Max(ShortestPrefix, best + 1); length--)
            {
                if (text.AsSpan(end - length, length).SequenceEqual(secret.AsSpan(0, length)))
                {
                    best = length;
                    break;
                }
            }
        }
        return best;
    }
}
