using StackExchange.Redis;

namespace Crema.Scalers.Redis;

/// <summary>
/// Opens the clients for one <see cref="RedisConnectionSettings"/>: fails at once when no endpoint takes a TCP
/// connection (and leaves out those that refuse), and gives the library's logged reason when it aborts without one. Behind Sentinel it connects in
/// two steps, so a failure says whether the sentinels or the primary refused (they have their own credentials).
/// </summary>
internal static class RedisConnector
{
    /// <summary>How long to wait for the library to log why a connection failed: it logs that just after giving up.</summary>
    private static readonly TimeSpan ReasonGrace = TimeSpan.FromMilliseconds(500);

    public static async Task<RedisClients> ConnectAsync(RedisConnectionSettings settings)
    {
        var reachable = await RedisReachability.ReachableAsync(settings.Endpoints, RedisConnection.LibraryTimeout).ConfigureAwait(false);
        var options = RedisClientOptions.For(settings, reachable);
        if (settings.Topology != RedisTopology.Sentinel)
        {
            return new RedisClients(await WithReasonAsync(options, o => ConnectionMultiplexer.ConnectAsync(o)).ConfigureAwait(false), null);
        }

        // The sentinels get only the sentinel credentials (none when none are given), as in KEDA.
        var sentinelOptions = options.Clone();
        sentinelOptions.User = settings.SentinelUsername;
        sentinelOptions.Password = settings.SentinelPassword;
        ConnectionMultiplexer sentinels;
        try
        {
            sentinels = await WithReasonAsync(sentinelOptions, o => ConnectionMultiplexer.SentinelConnectAsync(o)).ConfigureAwait(false);
        }
        catch (RedisConnectionException e)
        {
            throw new RedisSentinelException(e);
        }
        try
        {
            // The library has no asynchronous form of this step; it is bounded by the connect timeout.
            var primary = await WithReasonAsync(options, o => Task.Run(() => sentinels.GetSentinelMasterConnection(o))).ConfigureAwait(false);
            return new RedisClients(primary, sentinels);
        }
        catch
        {
            await sentinels.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Connects with <paramref name="options"/>; an abort without a cause is rethrown with the cause the library logged.</summary>
    private static async Task<ConnectionMultiplexer> WithReasonAsync(ConfigurationOptions options, Func<ConfigurationOptions, Task<ConnectionMultiplexer>> connect)
    {
        var failures = new RedisConnectFailures();
        options.LoggerFactory = failures;
        try
        {
            return await connect(options).ConfigureAwait(false);
        }
        catch (RedisConnectionException e) when (e.InnerException is null)
        {
            if (await failures.ReasonAsync(ReasonGrace).ConfigureAwait(false) is not { } reason)
            {
                throw;
            }
            throw new RedisConnectionException(e.FailureType, CommandFlags.None, reason, e, e.CommandStatus);
        }
    }
}
