namespace Crema.Tests.Scalers.AzureQueue;

/// <summary>One Azurite queue service shared by a test class; each test uses its own queue names.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteServer? server;

    internal AzuriteServer Server => server!;

    public async Task InitializeAsync() => server = await AzuriteServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
