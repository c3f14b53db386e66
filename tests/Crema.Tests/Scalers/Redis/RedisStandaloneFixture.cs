using Crema.Tests.Support;
using StackExchange.Redis;

namespace Crema.Tests.Scalers.Redis;

/// <summary>
/// One real redis-server for a test class: the default user's password is <see cref="Password"/>, and the ACL
/// user <see cref="User"/> (password <see cref="UserPassword"/>) may run everything. <see cref="Admin"/> seeds data.
/// </summary>
public sealed class RedisStandaloneFixture : IAsyncLifetime
{
    internal const string Password = "default-pass-7f3a";
    internal const string User = "scaler";
    internal const string UserPassword = "scaler-pass-91c2";

    private RedisProcess? server;
    private ConnectionMultiplexer? admin;

    internal RedisProcess Server => server!;

    internal IDatabase Admin(int database = 0) => admin!.GetDatabase(database);

    public async Task InitializeAsync()
    {
        server = await RedisProcess.StartAsync(FreeTcpPort.Next(), [$"requirepass {Password}", $"user {User} on >{UserPassword} ~* &* +@all"]);
        admin = await ConnectionMultiplexer.ConnectAsync($"{server.Address},password={Password}");
    }

    public async Task DisposeAsync()
    {
        if (admin is not null)
        {
            await admin.DisposeAsync();
        }
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
