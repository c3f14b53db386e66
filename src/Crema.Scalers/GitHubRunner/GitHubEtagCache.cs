namespace Crema.Scalers.GitHubRunner;

/// <summary>
/// Replies kept per URL with their ETag, so a request can be conditional and a 304 reuses the body
/// already parsed. Bounded: entries no poll used are dropped by <see cref="Sweep"/>, and beyond
/// <see cref="Capacity"/> entries the least recently used go first.
/// </summary>
internal sealed class GitHubEtagCache(int capacity = GitHubEtagCache.DefaultCapacity)
{
    public const int DefaultCapacity = 4096;
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private long poll;

    public int Capacity { get; } = capacity;

    public int Count => entries.Count;

    /// <summary>Marks the start of a poll; entries read or written from now on belong to it.</summary>
    public void BeginPoll() => poll++;

    public bool TryGet(string url, out string etag, out object value, out string? next)
    {
        if (entries.TryGetValue(url, out var entry))
        {
            entry.LastUsedPoll = poll;
            (etag, value, next) = (entry.ETag, entry.Value, entry.Next);
            return true;
        }
        (etag, value, next) = (string.Empty, null!, null);
        return false;
    }

    public void Set(string url, string etag, object value, string? next)
    {
        entries[url] = new Entry(etag, value, next) { LastUsedPoll = poll };
        if (entries.Count > Capacity)
        {
            foreach (var stale in entries.OrderBy(e => e.Value.LastUsedPoll).Take(entries.Count - Capacity).Select(e => e.Key).ToList())
            {
                entries.Remove(stale);
            }
        }
    }

    public void Remove(string url) => entries.Remove(url);

    /// <summary>Keeps a chain of pages (first URL, then each cached next link) alive without a request.</summary>
    public void Touch(string url)
    {
        for (var hops = 0; hops < 1000 && url is not null && entries.TryGetValue(url, out var entry); hops++)
        {
            entry.LastUsedPoll = poll;
            url = entry.Next!;
        }
    }

    /// <summary>After a complete poll, drops what it did not touch (finished runs, vanished pages).</summary>
    public void Sweep()
    {
        foreach (var stale in entries.Where(e => e.Value.LastUsedPoll != poll).Select(e => e.Key).ToList())
        {
            entries.Remove(stale);
        }
    }

    private sealed record Entry(string ETag, object Value, string? Next)
    {
        public long LastUsedPoll { get; set; }
    }
}
