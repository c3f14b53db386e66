using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Crema.Tests.Scalers.Temporal;

/// <summary>A throwaway CA, a server certificate and a client certificate (CN=crema-temporal-client), as PEM and objects.</summary>
internal sealed class TemporalTestCertificates : IDisposable
{
    public const string ClientSubject = "CN=crema-temporal-client";

    private TemporalTestCertificates()
    {
    }

    public X509Certificate2 Ca { get; private init; } = null!;

    public string CaPem { get; private init; } = string.Empty;

    /// <summary>The server certificate with its key, for Kestrel.</summary>
    public X509Certificate2 Server { get; private init; } = null!;

    public string ClientCertificatePem { get; private init; } = string.Empty;

    public string ClientKeyPem { get; private init; } = string.Empty;

    /// <summary>The client key as an encrypted PKCS#8 PEM (ENCRYPTED PRIVATE KEY) under <paramref name="password"/>.</summary>
    public string EncryptedClientKeyPem(string password) => encryptKey(password);

    private Func<string, string> encryptKey = _ => string.Empty;

    /// <summary>
    /// Certificates whose server certificate names <paramref name="serverNames"/> only (by default
    /// 127.0.0.1 and localhost), so a test can require tlsServerName.
    /// </summary>
    public static TemporalTestCertificates Create(params string[] serverNames)
    {
        var now = DateTimeOffset.UtcNow;
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=Crema Temporal Test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        var ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(2));
        var (serverPem, serverKey) = Issue(ca, "CN=temporal-frontend", "1.3.6.1.5.5.7.3.1", now, serverNames);
        var (clientPem, clientKey) = Issue(ca, ClientSubject, "1.3.6.1.5.5.7.3.2", now, []);
        var clientKeyPem = clientKey.ExportPkcs8PrivateKeyPem();
        return new TemporalTestCertificates
        {
            Ca = ca,
            CaPem = ca.ExportCertificatePem(),
            Server = X509Certificate2.CreateFromPem(serverPem, serverKey.ExportPkcs8PrivateKeyPem()),
            ClientCertificatePem = clientPem,
            ClientKeyPem = clientKeyPem,
            encryptKey = password =>
            {
                using var key = ECDsa.Create();
                key.ImportFromPem(clientKeyPem);
                return key.ExportEncryptedPkcs8PrivateKeyPem(password, new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 10_000));
            },
        };
    }

    public void Dispose()
    {
        Ca.Dispose();
        Server.Dispose();
    }

    private static (string Certificate, ECDsa Key) Issue(X509Certificate2 ca, string subject, string usageOid, DateTimeOffset now, string[] names)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usageOid)], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        var isServer = usageOid.EndsWith(".1", StringComparison.Ordinal);
        if (isServer)
        {
            var san = new SubjectAlternativeNameBuilder();
            if (names.Length == 0)
            {
                san.AddIpAddress(IPAddress.Loopback);
                san.AddDnsName("localhost");
            }
            foreach (var name in names)
            {
                san.AddDnsName(name);
            }
            request.CertificateExtensions.Add(san.Build());
        }
        using var certificate = request.Create(ca, now.AddDays(-1), now.AddDays(1), RandomNumberGenerator.GetBytes(16));
        return (certificate.ExportCertificatePem(), key);
    }
}
