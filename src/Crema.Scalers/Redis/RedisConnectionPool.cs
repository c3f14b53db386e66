namespace Crema.Scalers.Redis;

/// <summary>
/// Shares one <see cref="RedisConnection"/> between every trigger with the same endpoints, credentials and TLS
/// (whatever the database, list or stream), counted by lease; the last lease to go closes it.
/// </summary>
internal sealed class RedisConnectionPool
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, (RedisConnection Connection, int Users)> connections = new(StringComparer.Ordinal);

    /// <summary>The process-wide pool the built-in factories use.</summary>
    public static RedisConnectionPool Shared { get; } = new();

    /// <summary>Connections currently open or pending (for tests).</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return connections.Count;
            }
        }
    }

    /// <summary>A lease on the shared connection for <paramref name="settings"/>; dispose it when done.</summary>
    public RedisConnectionLease Acquire(RedisConnectionSettings settings)
    {
        var key = settings.SharingKey;
        lock (gate)
        {
            var entry = connections.TryGetValue(key, out var found) ? found : (Connection: new RedisConnection(settings), Users: 0);
            connections[key] = (entry.Connection, entry.Users + 1);
            return new RedisConnectionLease(this, key, entry.Connection);
        }
    }

    /// <summary>Ends one lease; the connection closes with its last one.</summary>
    internal ValueTask ReleaseAsync(string key)
    {
        RedisConnection? closing = null;
        lock (gate)
        {
            if (connections.TryGetValue(key, out var entry))
            {
                if (entry.Users <= 1)
                {
                    connections.Remove(key);
                    closing = entry.Connection;
                }
                else
                {
                    connections[key] = (entry.Connection, entry.Users - 1);
                }
            }
        }
        return closing?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
