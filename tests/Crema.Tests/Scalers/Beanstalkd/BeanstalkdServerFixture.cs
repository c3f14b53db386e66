namespace Crema.Tests.Scalers.Beanstalkd;

/// <summary>One real beanstalkd for a test class; each test uses its own tube.</summary>
public sealed class BeanstalkdServerFixture : IAsyncLifetime
{
    private BeanstalkdServer? server;

    internal BeanstalkdServer Server => server!;

    /// <summary>A tube name no other test uses.</summary>
    internal static string NewTube() => "t" + Guid.NewGuid().ToString("N")[..12];

    public async Task InitializeAsync() => server = await BeanstalkdServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
