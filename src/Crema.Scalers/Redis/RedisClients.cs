using StackExchange.Redis;

namespace Crema.Scalers.Redis;

/// <summary>The multiplexer the reads use and, behind Sentinel, the sentinel connection that follows failovers for it.</summary>
/// <param name="Servers">The server, the cluster, or the primary named by the sentinels.</param>
/// <param name="Sentinels">The sentinel connection (it must live as long as <paramref name="Servers"/>), or null.</param>
internal sealed record RedisClients(ConnectionMultiplexer Servers, ConnectionMultiplexer? Sentinels) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await Servers.DisposeAsync().ConfigureAwait(false);
        if (Sentinels is not null)
        {
            await Sentinels.DisposeAsync().ConfigureAwait(false);
        }
    }
}
