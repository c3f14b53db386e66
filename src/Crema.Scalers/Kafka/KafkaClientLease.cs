namespace Crema.Scalers.Kafka;

/// <summary>One trigger's reference to a shared <see cref="KafkaAdmin"/>; the client is made on first use.</summary>
internal sealed class KafkaClientLease(KafkaClientPool pool, string key, Lazy<KafkaAdmin> client) : IAsyncDisposable
{
    private int disposed;

    public KafkaAdmin Client => Volatile.Read(ref disposed) == 0 ? client.Value : throw new ObjectDisposedException(nameof(KafkaClientLease));

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            pool.Release(key, client);
        }
        return ValueTask.CompletedTask;
    }
}
