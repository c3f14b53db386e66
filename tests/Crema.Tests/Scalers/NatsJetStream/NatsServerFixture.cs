namespace Crema.Tests.Scalers.NatsJetStream;

/// <summary>One real nats-server with JetStream for a test class; each test makes its own stream.</summary>
public sealed class NatsServerFixture : IAsyncLifetime
{
    private NatsServer? server;

    internal NatsServer Server => server!;

    /// <summary>A stream (on subjects NAME.&gt;) and a durable pull consumer "worker", with names no other test uses.</summary>
    internal async Task<string> NewStreamAsync()
    {
        var name = "s" + Guid.NewGuid().ToString("N")[..12];
        await using var client = await Server.ConnectAsync();
        await client.CreateStreamAndConsumerAsync(name, name + ".>", "worker");
        return name;
    }

    public async Task InitializeAsync() => server = await NatsServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
