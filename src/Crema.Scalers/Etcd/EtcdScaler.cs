using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Crema.Abstractions;

namespace Crema.Scalers.Etcd;

/// <summary>
/// Reads one <c>etcd</c> trigger: each poll gets the key's value (KEDA's getMetricValue: a missing key or a
/// value that is not a number is an error), and a watch on the key pushes <c>value &gt; activationValue</c>
/// for every change between polls (KEDA's Run; a changed value that is not a number pushes as 0).
/// </summary>
/// <remarks>
/// The watch belongs to this scaler: the host rebuilds a scaler after a failed read while its own token lives
/// on, so <see cref="DisposeAsync"/> ends the watch and waits until its stream is closed.
/// </remarks>
internal sealed class EtcdScaler : IPushScaler
{
    private readonly EtcdMetadata metadata;
    private readonly EtcdConnection connection;
    private readonly EtcdWatch watcher;
    private readonly CancellationTokenSource lifetime = new();
    private readonly Lock gate = new();
    private Task watch = Task.CompletedTask;
    private bool disposed;

    public EtcdScaler(EtcdMetadata metadata, EtcdConnection connection, TimeProvider timeProvider)
    {
        this.metadata = metadata;
        this.connection = connection;
        watcher = new EtcdWatch(metadata, connection, timeProvider);
    }

    /// <summary>Why the last watch ended, or null while none has failed. For diagnostics; holds no secret.</summary>
    public string? LastWatchError => watcher.LastError;

    public async ValueTask<MetricReading> ReadAsync(CancellationToken cancellationToken)
    {
        var stored = await connection.GetAsync(metadata.WatchKey, cancellationToken).ConfigureAwait(false);
        var key = UntrustedText.Escape(metadata.WatchKey);
        if (stored is null)
        {
            throw new EtcdReadException($"{connection.Errors.Prefix(connection.Current)}: watchKey \"{key}\" doesn't exist");
        }
        var value = EtcdValue.Parse(stored.Span, out var error)
            ?? throw new EtcdReadException($"{connection.Errors.Prefix(connection.Current)}: watchKey \"{key}\": {error}");
        return metadata.ToReading(value);
    }

    /// <summary>
    /// Yields the activity of every change to the key until <paramref name="cancellationToken"/> is cancelled or
    /// the scaler is disposed, then ends without throwing. One watch at a time per scaler.
    /// </summary>
    public async IAsyncEnumerable<bool> WatchActivityAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Capacity 1 with waiting: a consumer that falls behind holds the stream back instead of losing a change.
        var pushed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var stop = StartWatch(pushed.Writer, cancellationToken, out var running);
        if (stop is null)
        {
            yield break;
        }
        try
        {
            while (true)
            {
                bool ready;
                try
                {
                    ready = await pushed.Reader.WaitToReadAsync(stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                if (!ready)
                {
                    break;
                }
                while (pushed.Reader.TryRead(out var active))
                {
                    yield return active;
                }
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await running.ConfigureAwait(false);
            stop.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task running;
        lock (gate)
        {
            if (disposed)
            {
                return;
            }
            disposed = true;
            running = watch;
        }
        await lifetime.CancelAsync().ConfigureAwait(false);
        await running.ConfigureAwait(false);
        lifetime.Dispose();
        connection.Dispose();
    }

    /// <summary>Starts the watch loop, or returns null when the scaler is already disposed.</summary>
    private CancellationTokenSource? StartWatch(ChannelWriter<bool> writer, CancellationToken cancellationToken, out Task running)
    {
        lock (gate)
        {
            running = Task.CompletedTask;
            if (disposed)
            {
                return null;
            }
            if (!watch.IsCompleted)
            {
                throw new InvalidOperationException("this etcd scaler is already being watched");
            }
            var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.Token);
            // Run elsewhere: opening the first stream must not happen under the lock.
            running = watch = Task.Run(() => watcher.RunAsync(writer, stop.Token), CancellationToken.None);
            return stop;
        }
    }
}
