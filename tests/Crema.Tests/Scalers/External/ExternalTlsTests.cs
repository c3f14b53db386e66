using Crema.Abstractions;
using Crema.Scalers.External;
using Grpc.Core;

namespace Crema.Tests.Scalers.External;

/// <summary>TLS to a real gRPC server: custom CA, unsafeSsl, client certificates, streaming over TLS.</summary>
public sealed class ExternalTlsTests : IDisposable
{
    private readonly TestCertificates certificates = TestCertificates.Create();

    [Fact]
    public async Task ReadAsync_TlsServerAndCaCert_Reads()
    {
        await using var server = await ExternalScalerServer.StartAsync(certificates.ServerTls());
        await server.SetMetricAsync("queue", 12);
        await using var scaler = new ExternalScalerFactory().Create(ExternalTestContexts.Create(
            new() { ["scalerAddress"] = server.Address, ["enableTLS"] = "true" },
            authParams: new() { ["caCert"] = certificates.CaPem }));

        (await scaler.ReadAsync(CancellationToken.None)).ShouldBe(new MetricReading(12, 10, false));
    }

    [Fact]
    public async Task ReadAsync_TlsServerNotTrusted_ThrowsUnavailable()
    {
        await using var server = await ExternalScalerServer.StartAsync(certificates.ServerTls());
        await using var scaler = new ExternalScalerFactory().Create(ExternalTestContexts.Create(
            new() { ["scalerAddress"] = server.Address, ["enableTLS"] = "true" }));

        var error = await Should.ThrowAsync<ExternalScalerCallException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.StatusCode.ShouldBe(StatusCode.Unavailable);
        (await server.CallCountAsync("GetMetricSpec")).ShouldBe(0);
    }

    [Fact]
    public async Task ReadAsync_TlsServerWithUnsafeSsl_Reads()
    {
        await using var server = await ExternalScalerServer.StartAsync(certificates.ServerTls());
        await using var scaler = new ExternalScalerFactory().Create(ExternalTestContexts.Create(
            new() { ["scalerAddress"] = server.Address, ["enableTLS"] = "true", ["unsafeSsl"] = "true" }));

        (await scaler.ReadAsync(CancellationToken.None)).Target.ShouldBe(10);
    }

    [Fact]
    public async Task ReadAsync_ServerRequiresClientCertificate_ReadsWithTlsClientCert()
    {
        await using var server = await ExternalScalerServer.StartAsync(certificates.ServerTls(requireClientCertificate: true));
        await using var scaler = new ExternalScalerFactory().Create(ExternalTestContexts.Create(
            new() { ["scalerAddress"] = server.Address },
            authParams: new()
            {
                ["caCert"] = certificates.CaPem,
                ["tlsClientCert"] = certificates.ClientCertificatePem,
                ["tlsClientKey"] = certificates.ClientKeyPem,
            }));

        (await scaler.ReadAsync(CancellationToken.None)).Target.ShouldBe(10);
    }

    [Fact]
    public async Task ReadAsync_ServerRequiresClientCertificateButNoneGiven_ThrowsUnavailable()
    {
        await using var server = await ExternalScalerServer.StartAsync(certificates.ServerTls(requireClientCertificate: true));
        await using var scaler = new ExternalScalerFactory().Create(ExternalTestContexts.Create(
            new() { ["scalerAddress"] = server.Address }, authParams: new() { ["caCert"] = certificates.CaPem }));

        var error = await Should.ThrowAsync<ExternalScalerCallException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.StatusCode.ShouldBe(StatusCode.Unavailable);
    }

    [Fact]
    public async Task WatchActivityAsync_OverTls_YieldsPushedActivity()
    {
        await using var server = await ExternalScalerServer.StartAsync(certificates.ServerTls());
        await using var scaler = (IPushScaler)new ExternalPushScalerFactory().Create(ExternalTestContexts.Create(
            new() { ["scalerAddress"] = server.Address, ["enableTLS"] = "true" },
            type: "external-push",
            authParams: new() { ["caCert"] = certificates.CaPem }));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var watch = scaler.WatchActivityAsync(stop.Token).GetAsyncEnumerator(stop.Token);

        var next = watch.MoveNextAsync();
        await server.WaitForOpenStreamsAsync(1);
        await server.PushActiveAsync(true);

        (await next).ShouldBeTrue();
        watch.Current.ShouldBeTrue();
    }

    public void Dispose() => certificates.Dispose();
}
