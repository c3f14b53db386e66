using System.Data.Common;

namespace Crema.Scalers.Sql;

/// <summary>
/// One driver data source (and so one connection pool) per connection string, shared by every trigger that
/// uses it and counted by lease: the data source is built on the first lease and disposed with the last,
/// so a config reload that keeps a trigger's connection keeps its pooled connections too.
/// </summary>
internal sealed class SqlDataSourcePool
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Shared> sources = new(StringComparer.Ordinal);

    /// <summary>The process-wide pool the built-in factories use.</summary>
    public static SqlDataSourcePool Process { get; } = new();

    /// <summary>Data sources currently shared (for tests).</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return sources.Count;
            }
        }
    }

    /// <summary>A lease on the data source for <paramref name="key"/>, built by <paramref name="create"/> when none is shared yet.</summary>
    public SqlDataSourceLease Acquire(string key, Func<DbDataSource> create)
    {
        lock (gate)
        {
            if (!sources.TryGetValue(key, out var shared))
            {
                sources[key] = shared = new Shared(create());
            }
            shared.Leases++;
            return new SqlDataSourceLease(this, key, shared.Source);
        }
    }

    /// <summary>Ends one lease; the data source is disposed with its last one.</summary>
    internal ValueTask ReleaseAsync(string key)
    {
        DbDataSource? last = null;
        lock (gate)
        {
            if (sources.TryGetValue(key, out var shared) && --shared.Leases == 0)
            {
                sources.Remove(key);
                last = shared.Source;
            }
        }
        return last?.DisposeAsync() ?? ValueTask.CompletedTask;
    }

    private sealed class Shared(DbDataSource source)
    {
        public DbDataSource Source { get; } = source;

        public int Leases { get; set; }
    }
}
