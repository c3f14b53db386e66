using System.Data.Common;

namespace Crema.Scalers.Sql;

/// <summary>One trigger's use of a shared data source; disposing it twice releases it once.</summary>
internal sealed class SqlDataSourceLease(SqlDataSourcePool pool, string key, DbDataSource source) : IAsyncDisposable
{
    private int released;

    public DbDataSource Source { get; } = source;

    public ValueTask DisposeAsync() =>
        Interlocked.Exchange(ref released, 1) == 0 ? pool.ReleaseAsync(key) : ValueTask.CompletedTask;
}
