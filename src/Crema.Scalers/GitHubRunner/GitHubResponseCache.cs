using Octokit.Caching;
using Octokit.Internal;

namespace Crema.Scalers.GitHubRunner;

/// <summary>
/// The response cache of Octokit's CachingHttpClient: replies with an ETag, kept per URL so the next
/// request is conditional and a 304 reuses the body. Bounded two ways: entries no complete poll used
/// are dropped by <see cref="Sweep"/>, and beyond <see cref="Capacity"/> entries or
/// <see cref="MaxCharacters"/> characters of bodies the least recently used go first.
/// Not thread-safe beyond one poll at a time (a lock keeps it consistent anyway).
/// </summary>
internal sealed class GitHubResponseCache(int capacity = GitHubResponseCache.DefaultCapacity, long maxCharacters = GitHubResponseCache.DefaultMaxCharacters)
    : IResponseCache
{
    public const int DefaultCapacity = 4096;

    /// <summary>16 Mi characters of JSON (32 MiB as .NET strings).</summary>
    public const long DefaultMaxCharacters = 16L * 1024 * 1024;

    private readonly object gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> recency = new();
    private long poll;

    public int Capacity { get; } = capacity;

    public long MaxCharacters { get; } = maxCharacters;

    public int Count
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    public long Characters { get; private set; }

    /// <summary>Marks the start of a poll; entries read or written from now on belong to it.</summary>
    public void BeginPoll()
    {
        lock (gate)
        {
            poll++;
        }
    }

    public Task<CachedResponse.V1> GetAsync(IRequest request)
    {
        lock (gate)
        {
            if (!entries.TryGetValue(Key(request), out var node))
            {
                return Task.FromResult<CachedResponse.V1>(null!);
            }
            Use(node);
            return Task.FromResult(node.Value.Response);
        }
    }

    public Task SetAsync(IRequest request, CachedResponse.V1 cachedResponse)
    {
        // Without an ETag a reply cannot be asked for conditionally: keeping it would only cost memory.
        if (string.IsNullOrEmpty(cachedResponse.ApiInfo?.Etag) || cachedResponse.Body is not string body || body.Length > MaxCharacters)
        {
            return Task.CompletedTask;
        }
        var key = Key(request);
        lock (gate)
        {
            Remove(key);
            var node = recency.AddFirst(new Entry(key, PathOf(key), cachedResponse, body.Length) { LastUsedPoll = poll });
            entries[key] = node;
            Characters += body.Length;
            while (entries.Count > Capacity || Characters > MaxCharacters)
            {
                Remove(recency.Last!.Value.Key);
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>Keeps every page of a list (one path, any query) for this poll without a request.</summary>
    public void TouchPath(string absolutePath)
    {
        lock (gate)
        {
            foreach (var node in entries.Values.Where(n => n.Value.Path == absolutePath).ToList())
            {
                Use(node);
            }
        }
    }

    /// <summary>After a complete poll, drops what it did not use (finished runs, vanished pages).</summary>
    public void Sweep()
    {
        lock (gate)
        {
            foreach (var stale in entries.Values.Where(n => n.Value.LastUsedPoll != poll).Select(n => n.Value.Key).ToList())
            {
                Remove(stale);
            }
        }
    }

    /// <summary>The URL of a request with its query parameters sorted, so equal requests share an entry.</summary>
    internal static string Key(IRequest request)
    {
        var uri = new Uri(request.BaseAddress, request.Endpoint);
        var query = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal);
        return uri.GetLeftPart(UriPartial.Path) + "?" + string.Join('&', query);
    }

    private static string PathOf(string key) => new Uri(key).AbsolutePath;

    private void Use(LinkedListNode<Entry> node)
    {
        node.Value.LastUsedPoll = poll;
        recency.Remove(node);
        recency.AddFirst(node);
    }

    private void Remove(string key)
    {
        if (entries.Remove(key, out var node))
        {
            recency.Remove(node);
            Characters -= node.Value.Characters;
        }
    }

    private sealed record Entry(string Key, string Path, CachedResponse.V1 Response, int Characters)
    {
        public long LastUsedPoll { get; set; }
    }
}
