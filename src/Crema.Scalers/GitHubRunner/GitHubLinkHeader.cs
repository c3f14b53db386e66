namespace Crema.Scalers.GitHubRunner;

/// <summary>Reads the <c>rel="next"</c> target of GitHub's pagination header (<c>Link: &lt;url&gt;; rel="next", ...</c>).</summary>
internal static class GitHubLinkHeader
{
    public static string? Next(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var values))
        {
            return null;
        }
        foreach (var part in values.SelectMany(v => v.Split(',')))
        {
            var segments = part.Split(';', StringSplitOptions.TrimEntries);
            if (segments.Length < 2 || !segments[0].StartsWith('<') || !segments[0].EndsWith('>'))
            {
                continue;
            }
            if (segments.Skip(1).Any(s => s.Replace(" ", "", StringComparison.Ordinal) is "rel=\"next\"" or "rel=next"))
            {
                return segments[0][1..^1];
            }
        }
        return null;
    }
}
