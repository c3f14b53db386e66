using StackExchange.Redis;

namespace Crema.Scalers.Redis;

/// <summary>
/// One StackExchange.Redis multiplexer for one <see cref="RedisConnectionSettings"/>, connected on first use
/// (never while building a scaler, so <c>crema validate</c> stays offline). A failed connect is forgotten, so
/// the next read tries again; once connected the library reconnects by itself.
/// </summary>
internal sealed class RedisConnection : IAsyncDisposable
{
    /// <summary>The library's own connect and command timeouts: a backstop behind each read's timeout on the scaler's clock.</summary>
    internal static readonly TimeSpan LibraryTimeout = TimeSpan.FromSeconds(5);

    private readonly Lock gate = new();
    private Task<ConnectionMultiplexer>? connecting;
    private bool disposed;

    public RedisConnection(RedisConnectionSettings settings) => Settings = settings;

    public RedisConnectionSettings Settings { get; }

    /// <summary>The connected multiplexer; concurrent callers share one connect attempt.</summary>
    public Task<ConnectionMultiplexer> GetAsync()
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (connecting is null || connecting.IsFaulted || connecting.IsCanceled)
            {
                connecting = ConnectionMultiplexer.ConnectAsync(RedisClientOptions.For(Settings));
            }
            return connecting;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task<ConnectionMultiplexer>? pending;
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
            _ = pending.ContinueWith(t => t.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            return;
        }
        if (pending.IsCompletedSuccessfully)
        {
            await pending.Result.DisposeAsync().ConfigureAwait(false);
        }
    }
}
