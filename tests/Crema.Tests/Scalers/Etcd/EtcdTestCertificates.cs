using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Crema.Tests.Support;

namespace Crema.Tests.Scalers.Etcd;

/// <summary>
/// A throwaway CA, a server certificate for 127.0.0.1 (files for etcd's --cert-file and --key-file) and a client
/// certificate (PEM, its key also encrypted with <see cref="KeyPassword"/>).
/// </summary>
internal sealed class EtcdTestCertificates : IDisposable
{
    public const string KeyPassword = "etcd-client-key-pass";

    private EtcdTestCertificates(string directory) => Directory = directory;

    public string Directory { get; }

    public string CaPem { get; private init; } = "";

    public string ClientCertificatePem { get; private init; } = "";

    public string ClientKeyPem { get; private init; } = "";

    public string EncryptedClientKeyPem { get; private init; } = "";

    public string CaPath => Path.Combine(Directory, "ca.pem");

    public string ServerCertificatePath => Path.Combine(Directory, "server.pem");

    public string ServerKeyPath => Path.Combine(Directory, "server-key.pem");

    public static EtcdTestCertificates Create(string caName = "Crema etcd Test CA")
    {
        var now = DateTimeOffset.UtcNow;
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest($"CN={caName}", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(2));
        var (serverCertificate, serverKey) = IssueServer(ca, now);
        var (clientCertificate, clientKey) = TestCertificateIssuer.Issue(ca, "CN=crema-etcd-client", "1.3.6.1.5.5.7.3.2", now);
        using var parsedKey = ECDsa.Create();
        parsedKey.ImportFromPem(clientKey);
        var encrypted = parsedKey.ExportEncryptedPkcs8PrivateKeyPem(KeyPassword,
            new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 1_000)); // few rounds: each bind decrypts it
        var certificates = new EtcdTestCertificates(System.IO.Directory.CreateTempSubdirectory("crema-etcd-tls-").FullName)
        {
            CaPem = ca.ExportCertificatePem(),
            ClientCertificatePem = clientCertificate,
            ClientKeyPem = clientKey,
            EncryptedClientKeyPem = encrypted,
        };
        File.WriteAllText(certificates.CaPath, certificates.CaPem);
        File.WriteAllText(certificates.ServerCertificatePath, serverCertificate);
        File.WriteAllText(certificates.ServerKeyPath, serverKey);
        return certificates;
    }

    /// <summary>
    /// The server's certificate for 127.0.0.1 with both server and client auth: etcd's JSON gateway calls the server's
    /// own gRPC port with it, which a server demanding client certificates would otherwise refuse.
    /// </summary>
    private static (string Certificate, string Key) IssueServer(X509Certificate2 ca, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.Create(ca, now.AddDays(-1), now.AddDays(1), RandomNumberGenerator.GetBytes(16));
        return (certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }

    /// <summary>The client certificate with its key, for the test's own admin client.</summary>
    public X509Certificate2 LoadClientCertificate() => X509Certificate2.CreateFromPem(ClientCertificatePem, ClientKeyPem);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
