using System.Globalization;
using Crema.Tests.Support;
using StackExchange.Redis;

namespace Crema.Tests.Scalers.Redis;

/// <summary>
/// A real primary (password <see cref="Password"/>) watched as <see cref="Master"/> by one redis-sentinel that
/// asks for its own credentials: the default user's <see cref="SentinelPassword"/>, or the ACL user
/// <see cref="SentinelUser"/> with <see cref="SentinelUserPassword"/>.
/// </summary>
public sealed class RedisSentinelFixture : IAsyncLifetime
{
    internal const string Master = "orders-primary";
    internal const string Password = "primary-pass-5d1c";
    internal const string SentinelPassword = "sentinel-pass-84e0";
    internal const string SentinelUser = "watcher";
    internal const string SentinelUserPassword = "watcher-pass-2a9f";

    private RedisProcess? primary;
    private RedisProcess? sentinel;
    private ConnectionMultiplexer? admin;

    internal RedisProcess Primary => primary!;

    internal RedisProcess Sentinel => sentinel!;

    internal IDatabase Admin(int database = 0) => admin!.GetDatabase(database);

    public async Task InitializeAsync()
    {
        primary = await RedisProcess.StartAsync(FreeTcpPort.Next(), [$"requirepass {Password}"]);
        var port = primary.Port.ToString(CultureInfo.InvariantCulture);
        sentinel = await RedisProcess.StartAsync(FreeTcpPort.Next(),
        [
            $"sentinel monitor {Master} 127.0.0.1 {port} 1",
            $"sentinel auth-pass {Master} {Password}",
            $"requirepass {SentinelPassword}",
            $"user {SentinelUser} on >{SentinelUserPassword} ~* &* +@all",
        ], sentinel: true);
        admin = await ConnectionMultiplexer.ConnectAsync($"{primary.Address},password={Password}");
    }

    public async Task DisposeAsync()
    {
        if (admin is not null)
        {
            await admin.DisposeAsync();
        }
        if (sentinel is not null)
        {
            await sentinel.DisposeAsync();
        }
        if (primary is not null)
        {
            await primary.DisposeAsync();
        }
    }
}
