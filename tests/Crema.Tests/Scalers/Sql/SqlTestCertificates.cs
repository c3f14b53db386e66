using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Crema.Tests.Support;

namespace Crema.Tests.Scalers.Sql;

/// <summary>A throwaway CA and a server certificate it signed for 127.0.0.1 and localhost, as PEM, for the database servers' TLS.</summary>
internal sealed record SqlTestCertificates(string CaPem, string ServerCertificatePem, string ServerKeyPem)
{
    public static SqlTestCertificates Create(string caName)
    {
        var now = DateTimeOffset.UtcNow;
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={caName}", caKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var ca = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(2));
        var (certificate, key) = TestCertificateIssuer.Issue(ca, "CN=127.0.0.1", "1.3.6.1.5.5.7.3.1", now);
        return new SqlTestCertificates(ca.ExportCertificatePem(), certificate, key);
    }

    /// <summary>Writes the CA to <paramref name="path"/> (readable by anyone: clients read it).</summary>
    public string WriteCa(string path)
    {
        File.WriteAllText(path, CaPem);
        return path;
    }
}
