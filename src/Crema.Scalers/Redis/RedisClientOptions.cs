using StackExchange.Redis;

namespace Crema.Scalers.Redis;

/// <summary>StackExchange.Redis options for a trigger's connection settings.</summary>
internal static class RedisClientOptions
{
    /// <summary>
    /// Options that fail fast (the engine retries on the next poll) and touch nothing but what the scaler reads: no
    /// tie-breaker key and no configuration channel, so an ACL user limited to its keys can connect. A connect that
    /// fails throws with its reason (wrong password, untrusted certificate), as KEDA's client does, instead of
    /// retrying in the background with the same credentials every second; once connected, commands fail at once
    /// while the library reconnects by itself. The connect timeout matches go-redis's 5 s dial timeout.
    /// </summary>
    /// <param name="settings">The trigger's connection settings.</param>
    /// <param name="endpoints">The endpoints to dial: those of <paramref name="settings"/> that take connections.</param>
    public static ConfigurationOptions For(RedisConnectionSettings settings, IEnumerable<RedisEndpoint> endpoints)
    {
        var timeout = (int)RedisConnection.LibraryTimeout.TotalMilliseconds;
        var options = new ConfigurationOptions
        {
            AbortOnConnectFail = true,
            ConnectRetry = 1,
            ConnectTimeout = timeout,
            AsyncTimeout = timeout,
            SyncTimeout = timeout,
            ClientName = "crema",
            TieBreaker = string.Empty,
            ConfigurationChannel = string.Empty,
            BacklogPolicy = BacklogPolicy.FailFast,
            User = settings.Username,
            Password = settings.Password,
        };
        foreach (var endpoint in endpoints)
        {
            options.EndPoints.Add(endpoint.DialHost, endpoint.Port);
        }
        if (settings.Topology == RedisTopology.Sentinel)
        {
            options.ServiceName = settings.SentinelMaster;
            // KEDA authenticates to the sentinels only with the sentinel credentials; without them, not at all.
            options.SentinelUser = settings.SentinelUsername ?? string.Empty;
            options.SentinelPassword = settings.SentinelPassword ?? string.Empty;
        }
        if (settings.Tls is { } tls)
        {
            var cas = tls.LoadCas();
            var clientCertificate = tls.LoadClientCertificate();
            options.Ssl = true;
            options.SslClientAuthenticationOptions = host => tls.ClientOptions(host, cas, clientCertificate);
        }
        return options;
    }
}
