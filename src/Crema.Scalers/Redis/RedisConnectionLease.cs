namespace Crema.Scalers.Redis;

/// <summary>One trigger's use of a shared <see cref="RedisConnection"/>; disposing it twice releases once.</summary>
internal sealed class RedisConnectionLease(RedisConnectionPool pool, string key, RedisConnection connection) : IAsyncDisposable
{
    private int released;

    public RedisConnection Connection { get; } = connection;

    public ValueTask DisposeAsync() =>
        Interlocked.Exchange(ref released, 1) == 0 ? pool.ReleaseAsync(key) : ValueTask.CompletedTask;
}
