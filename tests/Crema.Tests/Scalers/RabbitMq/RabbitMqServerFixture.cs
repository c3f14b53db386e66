namespace Crema.Tests.Scalers.RabbitMq;

/// <summary>
/// One private RabbitMQ node for every test of <see cref="RabbitMqServerCollection"/>: the node needs
/// tens of seconds to boot on a busy machine, so it is started once and each test uses its own vhost,
/// users and queues.
/// </summary>
public sealed class RabbitMqServerFixture : IAsyncLifetime
{
    private RabbitMqServer? server;

    internal RabbitMqServer Server => server ?? throw new InvalidOperationException("the RabbitMQ node is not started");

    public async Task InitializeAsync() => server = await RabbitMqServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>A fresh vhost with a user (password <paramref name="password"/>) allowed everything in it, and its name.</summary>
    internal async Task<string> NewVhostAsync(string user, string password)
    {
        // A slash in the name checks that every URL escapes the vhost.
        var vhost = "team/" + Guid.NewGuid().ToString("N")[..8];
        await Server.Management.PutVhostAsync(vhost);
        await Server.Management.PutUserAsync(user, password, vhost);
        return vhost;
    }
}
