using Crema.Scalers.Http;
using static Crema.Tests.Scalers.MetricsApi.MetricsApiTriggers;

namespace Crema.Tests.Scalers.MetricsApi;

/// <summary>HTTPS against a real TLS endpoint: custom CA, unsafeSsl, and authMode tls (client certificate, KEDA's mTLS).</summary>
public sealed class MetricsApiTlsTests
{
    [Fact]
    public async Task ReadAsync_CaFromTheTriggerAuthentication_TrustsThePrivateCa()
    {
        await using var server = await MetricsApiTlsServer.StartAsync(requireClientCertificate: false);

        var reading = await ReadAsync(server.BaseAddress + "/stats", "valueLocation=tasks", Pem("ca", server.CaPem));

        reading.Value.ShouldBe(5);
        server.ClientSubjects.ShouldBe([""]);
    }

    [Fact]
    public async Task ReadAsync_PrivateCaNotGiven_IsATlsError()
    {
        await using var server = await MetricsApiTlsServer.StartAsync(requireClientCertificate: false);

        var error = await Should.ThrowAsync<HttpSourceException>(() => ReadAsync(server.BaseAddress + "/stats", "valueLocation=tasks"));

        error.Message.ShouldStartWith($"metrics-api GET {server.BaseAddress}/stats failed: The SSL connection could not be established");
        server.ClientSubjects.ShouldBeEmpty();
    }

    [Fact]
    public async Task ReadAsync_UnsafeSsl_SkipsServerValidation()
    {
        await using var server = await MetricsApiTlsServer.StartAsync(requireClientCertificate: false);

        var reading = await ReadAsync(server.BaseAddress + "/stats", "valueLocation=tasks|unsafeSsl=true");

        reading.Value.ShouldBe(5);
    }

    [Fact]
    public async Task ReadAsync_AuthModeTls_PresentsTheClientCertificate()
    {
        await using var server = await MetricsApiTlsServer.StartAsync(requireClientCertificate: true);
        var auth = Pem("ca", server.CaPem) + "|" + Pem("cert", server.ClientCertificatePem) + "|" + Pem("key", server.ClientKeyPem);

        var reading = await ReadAsync(server.BaseAddress + "/stats", "valueLocation=tasks|authMode=tls", auth);

        reading.Value.ShouldBe(5);
        server.ClientSubjects.ShouldBe([MetricsApiTlsServer.ClientSubject]);
    }

    [Fact]
    public async Task ReadAsync_ServerRequiresACertificateAndNoneIsGiven_FailsWithoutTheKey()
    {
        await using var server = await MetricsApiTlsServer.StartAsync(requireClientCertificate: true);

        var error = await Should.ThrowAsync<HttpSourceException>(() => ReadAsync(server.BaseAddress + "/stats", "valueLocation=tasks", Pem("ca", server.CaPem)));

        error.Message.ShouldStartWith($"metrics-api GET {server.BaseAddress}/stats failed: ");
        error.Message.ShouldNotContain("PRIVATE KEY");
    }

    /// <summary>An auth parameter holding PEM text, in TestTriggers' "k=v" form ('|' never occurs in PEM).</summary>
    private static string Pem(string name, string pem) => $"{name}={pem}";
}
