using Crema.Abstractions;
using Crema.Scalers.Push;

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
    private readonly OwnedWatch watch;

    public EtcdScaler(EtcdMetadata metadata, EtcdConnection connection, TimeProvider timeProvider)
    {
        this.metadata = metadata;
        this.connection = connection;
        watcher = new EtcdWatch(metadata, connection, timeProvider);
        watch = new OwnedWatch("etcd", watcher.RunAsync);
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
    public IAsyncEnumerable<bool> WatchActivityAsync(CancellationToken cancellationToken) => watch.ActivityAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (await watch.StopAsync().ConfigureAwait(false))
        {
            connection.Dispose();
        }
    }
}
