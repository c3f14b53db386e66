using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Crema.Scalers.Kafka.Protocol;

namespace Crema.Tests.Scalers.Kafka.Protocol;

public sealed class KafkaTlsTests
{
    private static X509Certificate2 SelfSigned(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        // Round-trip through PKCS#12 so SslStream can use the key as a server certificate on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    private static byte[]? Handler(ApiKey key, short version, KafkaReader body) =>
        key == ApiKey.ApiVersions ? FakeKafkaBroker.ApiVersions(FakeKafkaBroker.Kafka41Versions) : null;

    [Fact]
    public async Task OpenAsync_TlsWithCustomCa_Connects()
    {
        using var certificate = SelfSigned("broker");
        await using var broker = new FakeKafkaBroker(Handler, certificate);
        var options = new KafkaConnectionOptions { Tls = new KafkaTlsOptions(CaPem: certificate.ExportCertificatePem()) };
        await using var connection = await KafkaConnection.OpenAsync(broker.Endpoint, options, CancellationToken.None);
        connection.NegotiateVersion(ApiKey.Metadata, new VersionRange(1, 8)).ShouldBe((short)8);
    }

    [Fact]
    public async Task OpenAsync_TlsUntrustedCertificate_Fails()
    {
        using var certificate = SelfSigned("broker");
        using var other = SelfSigned("other-ca");
        await using var broker = new FakeKafkaBroker(Handler, certificate);
        var untrusted = new KafkaConnectionOptions { Tls = new KafkaTlsOptions(CaPem: other.ExportCertificatePem()) };
        await Should.ThrowAsync<KafkaProtocolException>(() => KafkaConnection.OpenAsync(broker.Endpoint, untrusted, CancellationToken.None));
        var systemStore = new KafkaConnectionOptions { Tls = new KafkaTlsOptions() };
        await Should.ThrowAsync<KafkaProtocolException>(() => KafkaConnection.OpenAsync(broker.Endpoint, systemStore, CancellationToken.None));
    }

    [Fact]
    public async Task OpenAsync_UnsafeSsl_AcceptsAnyCertificate()
    {
        using var certificate = SelfSigned("broker");
        await using var broker = new FakeKafkaBroker(Handler, certificate);
        var options = new KafkaConnectionOptions { Tls = new KafkaTlsOptions(UnsafeSsl: true) };
        await using var connection = await KafkaConnection.OpenAsync(broker.Endpoint, options, CancellationToken.None);
        connection.IsBroken.ShouldBeFalse();
    }

    [Fact]
    public async Task OpenAsync_ClientCertificate_IsPresented()
    {
        using var server = SelfSigned("broker");
        using var client = SelfSigned("client");
        await using var broker = new FakeKafkaBroker(Handler, server, requireClientCertificate: true);
        var options = new KafkaConnectionOptions
        {
            Tls = new KafkaTlsOptions(CaPem: server.ExportCertificatePem(), CertPem: client.ExportCertificatePem(), KeyPem: client.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem()),
        };
        await using var connection = await KafkaConnection.OpenAsync(broker.Endpoint, options, CancellationToken.None);
        broker.ClientCertificate!.Subject.ShouldBe("CN=client");
    }
}
