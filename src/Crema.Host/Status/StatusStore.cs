using System.Collections.Concurrent;

namespace Crema.Host.Status;

/// <summary>The daemon's shared view of every scaled object and of the config, read by /status, / and /metrics.</summary>
internal sealed class StatusStore
{
    private readonly ConcurrentDictionary<string, ObjectRecord> objects = new(StringComparer.Ordinal);
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
            var items = objects.Values.Select(r => r.Status).OfType<ObjectStatus>().OrderBy(o => o.Name, StringComparer.Ordinal).ToArray();
            Volatile.Write(ref sorted, new SortedObjects(version, items));
            return items;
        }
    }

    public void SetConfig(ConfigStatus status) => Volatile.Write(ref config, status);

    /// <summary>Replaces the object's status, attaches its events and records the poll in its history.</summary>
    public void Set(ObjectStatus status)
    {
        objects.GetOrAdd(status.Target, _ => new ObjectRecord()).Publish(status);
        Interlocked.Increment(ref changes);
    }

    public ObjectStatus? Get(string target) => objects.GetValueOrDefault(target)?.Status;

    /// <summary>The object named <paramref name="name"/> (display names are unique), or null.</summary>
    public ObjectStatus? FindByName(string name) => objects.Values.Select(r => r.Status).FirstOrDefault(s => s is not null && s.Name == name);

    /// <summary>Appends a decision event; the object's next <see cref="Set"/> shows it.</summary>
    public void AddEvent(string target, DecisionEvent decision) => objects.GetOrAdd(target, _ => new ObjectRecord()).Events.Add(decision);

    public HistorySnapshot? History(string target, DateTimeOffset now) => objects.GetValueOrDefault(target)?.History.Snapshot(now);

    public void Remove(string target)
    {
        objects.TryRemove(target, out _);
        Interlocked.Increment(ref changes);
    }

    private sealed record SortedObjects(int Version, ObjectStatus[] Items);
}
