using System.Collections.Concurrent;

namespace Crema.Host.Status;

/// <summary>The daemon's shared view of every scaled object and of the config, read by /status, / and /metrics.</summary>
internal sealed class StatusStore
{
    private readonly ConcurrentDictionary<string, ObjectStatus> objects = new(StringComparer.Ordinal);
    private ConfigStatus config = new("none", null, null, null);
    private Leadership.LeadershipStatus? leadership;
    private SortedObjects? sorted;
    private int changes;

    public ConfigStatus Config => Volatile.Read(ref config);

    /// <summary>This daemon's role in the lease; null when no lease is configured.</summary>
    public Leadership.LeadershipStatus? Leadership
    {
        get => Volatile.Read(ref leadership);
        set => Volatile.Write(ref leadership, value);
    }

    /// <summary>True once a config is loaded and its loops are started.</summary>
    public bool Ready { get; set; }

    /// <summary>Every object sorted by name; the sorted copy is reused until an object changes (a scrape reads it many times).</summary>
    public IReadOnlyList<ObjectStatus> Objects
    {
        get
        {
            var version = Volatile.Read(ref changes);
            if (Volatile.Read(ref sorted) is { } cached && cached.Version == version)
            {
                return cached.Items;
            }
            var items = objects.Values.OrderBy(o => o.Name, StringComparer.Ordinal).ToArray();
            Volatile.Write(ref sorted, new SortedObjects(version, items));
            return items;
        }
    }

    public void SetConfig(ConfigStatus status) => Volatile.Write(ref config, status);

    public void Set(ObjectStatus status)
    {
        objects[status.Target] = status;
        Interlocked.Increment(ref changes);
    }

    public ObjectStatus? Get(string target) => objects.GetValueOrDefault(target);

    public void Remove(string target)
    {
        objects.TryRemove(target, out _);
        Interlocked.Increment(ref changes);
    }

    private sealed record SortedObjects(int Version, ObjectStatus[] Items);
}
