using System.Collections.Concurrent;

namespace Crema.Host.Status;

/// <summary>The daemon's shared view of every scaled object and of the config, read by /status, / and /metrics.</summary>
internal sealed class StatusStore
{
    private readonly ConcurrentDictionary<string, ObjectStatus> objects = new(StringComparer.Ordinal);
    private ConfigStatus config = new("none", null, null, null);
    private ObjectStatus[]? sorted;

    public ConfigStatus Config => Volatile.Read(ref config);

    /// <summary>True once a config is loaded and its loops are started.</summary>
    public bool Ready { get; set; }

    /// <summary>Every object sorted by name; the sorted copy is reused until an object changes (a scrape reads it many times).</summary>
    public IReadOnlyList<ObjectStatus> Objects =>
        Volatile.Read(ref sorted) ?? (sorted = objects.Values.OrderBy(o => o.Name, StringComparer.Ordinal).ToArray());

    public void SetConfig(ConfigStatus status) => Volatile.Write(ref config, status);

    public void Set(ObjectStatus status)
    {
        objects[status.Target] = status;
        Volatile.Write(ref sorted, null);
    }

    public ObjectStatus? Get(string target) => objects.GetValueOrDefault(target);

    public void Remove(string target)
    {
        objects.TryRemove(target, out _);
        Volatile.Write(ref sorted, null);
    }
}
