namespace Crema.Tests.Scalers.Etcd;

/// <summary>One cleartext etcd with authentication on: <see cref="User"/> may read every key.</summary>
public sealed class EtcdAuthFixture : IAsyncLifetime
{
    internal const string RootPassword = "root-pass-5d1e";
    internal const string User = "scaler";
    internal const string Password = "etcd-scaler-pass-8b3c";

    private EtcdServer? server;

    internal EtcdServer Server => server!;

    public async Task InitializeAsync()
    {
        server = await EtcdServer.StartAsync();
        await server.EnableAuthenticationAsync(RootPassword, User, Password);
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
