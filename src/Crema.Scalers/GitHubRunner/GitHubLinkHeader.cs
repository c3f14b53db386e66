namespace Crema.Scalers.GitHubRunner;

/// <summary>
/// Reads GitHub's pagination header (<c>Link: &lt;url&gt;; rel="next", &lt;url&gt;; rel="last"</c>) into the
/// relation-to-URL map Octokit pages with. Octokit's own parser is internal to it.
/// </summary>
internal static class GitHubLinkHeader
{
    public static Dictionary<string, Uri> All(string? header)
    {
        var links = new Dictionary<string, Uri>(StringComparer.Ordinal);
        foreach (var part in (header ?? "").Split(','))
        {
            var segments = part.Split(';', StringSplitOptions.TrimEntries);
            if (segments.Length < 2 || !segments[0].StartsWith('<') || !segments[0].EndsWith('>')
                || !Uri.TryCreate(segments[0][1..^1], UriKind.Absolute, out var url))
            {
                continue;
            }
            foreach (var segment in segments.Skip(1).Select(s => s.Replace(" ", "", StringComparison.Ordinal)))
            {
                if (segment.StartsWith("rel=", StringComparison.Ordinal))
                {
                    links.TryAdd(segment["rel=".Length..].Trim('"'), url);
                }
            }
        }
        return links;
    }
}
