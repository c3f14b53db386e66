using Crema.Tests.Support;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Crema.Tests.Scalers.External;

/// <summary>A throwaway CA with a server certificate for 127.0.0.1/localhost and a client certificate, as PEM text and files.</summary>
internal sealed class TestCertificates : IDisposable
{
    private TestCertificates(string directory) => Directory = directory;

    public string Directory { get; }

    public string CaPem { get; private init; } = string.Empty;

    public string ServerCertificatePem { get; private init; } = string.Empty;

    public string ServerKeyPem { get; private init; } = string.Empty;

    public string ClientCertificatePem { get; private init; } = string.Empty;

    public string ClientKeyPem { get; private init; } = string.Empty;

    public string CaPath => Path.Combine(Directory, "ca.pem");

    public static TestCertificates Create()
    {
        var now = DateTimeOffset.UtcNow;
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=Crema Test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(2));
        var (serverCertificate, serverKey) = TestCertificateIssuer.Issue(ca, "CN=127.0.0.1", "1.3.6.1.5.5.7.3.1", now);
        var (clientCertificate, clientKey) = TestCertificateIssuer.Issue(ca, "CN=crema-test-client", "1.3.6.1.5.5.7.3.2", now);
        var certificates = new TestCertificates(System.IO.Directory.CreateTempSubdirectory("crema-external-tls-").FullName)
        {
            CaPem = ca.ExportCertificatePem(),
            ServerCertificatePem = serverCertificate,
            ServerKeyPem = serverKey,
            ClientCertificatePem = clientCertificate,
            ClientKeyPem = clientKey,
        };
        File.WriteAllText(certificates.CaPath, certificates.CaPem);
        File.WriteAllText(Path.Combine(certificates.Directory, "server.pem"), serverCertificate);
        File.WriteAllText(Path.Combine(certificates.Directory, "server-key.pem"), serverKey);
        return certificates;
    }

    /// <summary>Server TLS files; with <paramref name="requireClientCertificate"/> the server demands a certificate from this CA.</summary>
    public ExternalScalerServerTls ServerTls(bool requireClientCertificate = false) => new(
        Path.Combine(Directory, "server.pem"),
        Path.Combine(Directory, "server-key.pem"),
        requireClientCertificate ? CaPath : null);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
