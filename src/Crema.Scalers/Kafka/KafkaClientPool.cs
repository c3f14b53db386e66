using System.Runtime.CompilerServices;
using Crema.Abstractions;

namespace Crema.Scalers.Kafka;

/// <summary>
/// One librdkafka admin client per host services and (bootstrap servers, TLS, SASL credentials),
/// shared by every trigger with those settings and reference counted: the last trigger to let go
/// disposes it. Each client costs threads and memory (see docs/scalers/kafka.md), so fifty
/// triggers on one cluster must not make fifty.
/// </summary>
internal sealed class KafkaClientPool
{
    private static readonly ConditionalWeakTable<IScalerServices, KafkaClientPool> Pools = new();

    private readonly Lock gate = new();
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);

    /// <summary>The pool of the given host services.</summary>
    public static KafkaClientPool For(IScalerServices services) => Pools.GetValue(services, _ => new KafkaClientPool());

    /// <summary>Clients alive now (for tests and diagnostics).</summary>
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

    /// <summary>Takes a reference to the client for <paramref name="key"/>, made by <paramref name="create"/> on first use.</summary>
    public KafkaClientLease Acquire(string key, Func<KafkaAdmin> create)
    {
        lock (gate)
        {
            if (!entries.TryGetValue(key, out var entry))
            {
                entry = new Entry(new Lazy<KafkaAdmin>(create, LazyThreadSafetyMode.ExecutionAndPublication));
                entries[key] = entry;
            }
            entry.References++;
            return new KafkaClientLease(this, key, entry.Client);
        }
    }

    internal void Release(string key, Lazy<KafkaAdmin> client)
    {
        lock (gate)
        {
            if (!entries.TryGetValue(key, out var entry) || !ReferenceEquals(entry.Client, client) || --entry.References > 0)
            {
                return;
            }
            entries.Remove(key);
        }
        if (client.IsValueCreated)
        {
            // Destroying a librdkafka handle joins its threads and waits for requests still in
            // flight (a blocking metadata call can hold it for its whole timeout): do it aside.
            Task.Run(client.Value.Dispose).Forget();
        }
    }

    private sealed class Entry(Lazy<KafkaAdmin> client)
    {
        public Lazy<KafkaAdmin> Client { get; } = client;

        public int References { get; set; }
    }
}
