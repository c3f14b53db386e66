namespace Crema.Tests.Scalers.Etcd;

/// <summary>One etcd that serves only TLS with a test CA, and requires a client certificate from that CA.</summary>
public sealed class EtcdTlsFixture : IAsyncLifetime
{
    private EtcdServer? server;

    internal EtcdTestCertificates Certificates { get; } = EtcdTestCertificates.Create();

    internal EtcdServer Server => server!;

    public async Task InitializeAsync() => server = await EtcdServer.StartAsync(Certificates, requireClientCertificate: true);

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
        Certificates.Dispose();
    }
}
