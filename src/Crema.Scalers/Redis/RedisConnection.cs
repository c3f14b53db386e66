using StackExchange.Redis;

namespace Crema.Scalers.Redis;

/// <summary>
/// One StackExchange.Redis multiplexer for one <see cref="RedisConnectionSettings"/>, connected on first use
/// (never while building a scaler, so <c>crema validate</c> stays offline). A failed connect throws and is
/// forgotten, so the next read tries again; once connected the library reconnects by itself.
/// </summary>
internal sealed class RedisConnection : IAsyncDisposable
{
    /// <summary>The library's own connect and command timeouts: a backstop behind each read's timeout on the scaler's clock.</summary>
    internal static readonly TimeSpan LibraryTimeout = TimeSpan.FromSeconds(5);

    private readonly Lock gate = new();
    private Task<RedisClients>? connecting;
    private bool disposed;

    public RedisConnection(RedisConnectionSettings settings) => Settings = settings;

    public RedisConnectionSettings Settings { get; }

    /// <summary>The connected multiplexer; concurrent callers share one connect attempt.</summary>
    public async Task<ConnectionMultiplexer> GetAsync() => (await ClientsAsync().ConfigureAwait(false)).Servers;

    private Task<RedisClients> ClientsAsync()
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (connecting is null || connecting.IsFaulted || connecting.IsCanceled)
            {
                connecting = RedisConnector.ConnectAsync(Settings);
            }
            return connecting;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task<RedisClients>? pending;
        lock (gate)
        {
            disposed = true;
            pending = connecting;
            connecting = null;
        }
        if (pending is null)
        {
            return;
        }
        if (!pending.IsCompleted)
        {
            // Still connecting (a read gave up waiting): close it whenever it finishes.
            _ = pending.ContinueWith(t => t.Result.DisposeAsync().AsTask(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            return;
        }
        if (pending.IsCompletedSuccessfully)
        {
            await pending.Result.DisposeAsync().ConfigureAwait(false);
        }
    }
}
