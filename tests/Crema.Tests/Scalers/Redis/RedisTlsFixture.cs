using Crema.Tests.Support;

namespace Crema.Tests.Scalers.Redis;

/// <summary>
/// Two real redis-servers with TLS from a test CA (<see cref="Certificates"/>): <see cref="Server"/> serves plain
/// TCP and TLS without asking for a client certificate; <see cref="MutualServer"/> demands one on its TLS port.
/// <see cref="OtherCa"/> is an unrelated CA that signed neither.
/// </summary>
public sealed class RedisTlsFixture : IAsyncLifetime
{
    private RedisProcess? server;
    private RedisProcess? mutualServer;

    internal RedisTestCertificates Certificates { get; } = RedisTestCertificates.Create();

    internal RedisTestCertificates OtherCa { get; } = RedisTestCertificates.Create("Another Test CA");

    internal RedisProcess Server => server!;

    internal RedisProcess MutualServer => mutualServer!;

    public async Task InitializeAsync()
    {
        var starting = new[]
        {
            RedisProcess.StartAsync(FreeTcpPort.Next(), Certificates.ServerConfig(requireClientCertificate: false), tlsPort: FreeTcpPort.Next()),
            RedisProcess.StartAsync(FreeTcpPort.Next(), Certificates.ServerConfig(requireClientCertificate: true), tlsPort: FreeTcpPort.Next()),
        };
        var started = await RedisProcess.AllStartedAsync(starting);
        (server, mutualServer) = (started[0], started[1]);
    }

    public async Task DisposeAsync()
    {
        foreach (var process in new[] { server, mutualServer })
        {
            if (process is not null)
            {
                await process.DisposeAsync();
            }
        }
        Certificates.Dispose();
        OtherCa.Dispose();
    }
}
