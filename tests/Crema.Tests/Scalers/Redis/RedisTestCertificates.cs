using Crema.Tests.Support;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Crema.Tests.Scalers.Redis;

/// <summary>
/// A throwaway CA made with <see cref="CertificateRequest"/>, a server certificate for 127.0.0.1 and a client
/// certificate (its key also encrypted with <see cref="KeyPassword"/>), as PEM text and as files for redis-server.
/// </summary>
internal sealed class RedisTestCertificates : IDisposable
{
    public const string KeyPassword = "client-key-pass";

    private RedisTestCertificates(string directory) => Directory = directory;

    public string Directory { get; }

    public string CaPem { get; private init; } = "";

    public string ClientCertificatePem { get; private init; } = "";

    public string ClientKeyPem { get; private init; } = "";

    public string EncryptedClientKeyPem { get; private init; } = "";

    public string CaPath => Path.Combine(Directory, "ca.pem");

    public string ServerCertificatePath => Path.Combine(Directory, "server.pem");

    public string ServerKeyPath => Path.Combine(Directory, "server-key.pem");

    /// <summary>redis.conf lines for TLS with this CA; client certificates demanded or optional.</summary>
    public IEnumerable<string> ServerConfig(bool requireClientCertificate) =>
    [
        $"tls-cert-file {ServerCertificatePath}",
        $"tls-key-file {ServerKeyPath}",
        $"tls-ca-cert-file {CaPath}",
        $"tls-auth-clients {(requireClientCertificate ? "yes" : "no")}",
    ];

    /// <summary>Issues the CA and leaves; with <paramref name="files"/> false, only the PEM texts (no directory).</summary>
    public static RedisTestCertificates Create(string caName = "Crema Redis Test CA", bool files = true)
    {
        var now = DateTimeOffset.UtcNow;
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest($"CN={caName}", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(2));
        var (serverCertificate, serverKey) = TestCertificateIssuer.Issue(ca, "CN=127.0.0.1", "1.3.6.1.5.5.7.3.1", now);
        var (clientCertificate, clientKey) = TestCertificateIssuer.Issue(ca, "CN=crema-redis-client", "1.3.6.1.5.5.7.3.2", now);
        using var parsedKey = ECDsa.Create();
        parsedKey.ImportFromPem(clientKey);
        var encrypted = parsedKey.ExportEncryptedPkcs8PrivateKeyPem(KeyPassword,
            new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 1_000)); // few rounds: each bind decrypts it
        var certificates = new RedisTestCertificates(files ? System.IO.Directory.CreateTempSubdirectory("crema-redis-tls-").FullName : "")
        {
            CaPem = ca.ExportCertificatePem(),
            ClientCertificatePem = clientCertificate,
            ClientKeyPem = clientKey,
            EncryptedClientKeyPem = encrypted,
        };
        if (!files)
        {
            return certificates;
        }
        File.WriteAllText(certificates.CaPath, certificates.CaPem);
        File.WriteAllText(certificates.ServerCertificatePath, serverCertificate);
        File.WriteAllText(certificates.ServerKeyPath, serverKey);
        return certificates;
    }

    public void Dispose()
    {
        if (Directory.Length > 0)
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
