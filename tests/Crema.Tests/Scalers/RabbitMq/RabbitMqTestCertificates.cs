using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Crema.Tests.Scalers.RabbitMq;

/// <summary>
/// A test CA, a server certificate for 127.0.0.1/localhost signed by it, a client certificate (CN
/// <see cref="ClientCommonName"/>) signed by it, and an unrelated CA, all as PEM.
/// </summary>
internal sealed class RabbitMqTestCertificates
{
    public const string ClientCommonName = "crema-cert-user";
    public const string ClientKeyPassword = "key-pass-7";

    private RabbitMqTestCertificates()
    {
    }

    public required string CaPem { get; init; }
    public required string OtherCaPem { get; init; }
    public required string ServerCertPem { get; init; }
    public required string ServerKeyPem { get; init; }
    public required string ClientCertPem { get; init; }
    public required string ClientKeyPem { get; init; }
    public required string ClientEncryptedKeyPem { get; init; }

    public static RabbitMqTestCertificates Create()
    {
        using var caKey = RSA.Create(2048);
        using var ca = SelfSignedCa("Crema Test CA", caKey);
        using var otherKey = RSA.Create(2048);
        using var other = SelfSignedCa("Unrelated CA", otherKey);
        using var serverKey = RSA.Create(2048);
        using var server = Issue(ca, "localhost", serverKey, serverAuth: true);
        using var clientKey = RSA.Create(2048);
        using var client = Issue(ca, ClientCommonName, clientKey, serverAuth: false);
        return new RabbitMqTestCertificates
        {
            CaPem = ca.ExportCertificatePem(),
            OtherCaPem = other.ExportCertificatePem(),
            ServerCertPem = server.ExportCertificatePem(),
            ServerKeyPem = serverKey.ExportPkcs8PrivateKeyPem(),
            ClientCertPem = client.ExportCertificatePem(),
            ClientKeyPem = clientKey.ExportPkcs8PrivateKeyPem(),
            ClientEncryptedKeyPem = clientKey.ExportEncryptedPkcs8PrivateKeyPem(ClientKeyPassword,
                new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 100_000)),
        };
    }

    private static X509Certificate2 SelfSignedCa(string name, RSA key)
    {
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    private static X509Certificate2 Issue(X509Certificate2 ca, string commonName, RSA key, bool serverAuth)
    {
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [serverAuth ? new Oid("1.3.6.1.5.5.7.3.1") : new Oid("1.3.6.1.5.5.7.3.2")], false));
        if (serverAuth)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            names.AddIpAddress(System.Net.IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
        }
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        var serial = new byte[12];
        RandomNumberGenerator.Fill(serial);
        serial[0] &= 0x7f;
        return request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(29), serial);
    }
}
