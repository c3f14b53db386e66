namespace Crema.Tests.Scalers.Etcd;

/// <summary>One cleartext etcd without authentication for a test class.</summary>
public sealed class EtcdFixture : IAsyncLifetime
{
    private EtcdServer? server;

    internal EtcdServer Server => server!;

    public async Task InitializeAsync() => server = await EtcdServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
