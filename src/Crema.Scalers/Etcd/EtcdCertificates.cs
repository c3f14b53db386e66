using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Crema.Abstractions;

namespace Crema.Scalers.Etcd;

/// <summary>Loads the PEM auth parameters of an <c>etcd</c> trigger; messages never show their content.</summary>
internal static class EtcdCertificates
{
    /// <summary>Reports PEM texts that do not load.</summary>
    public static void Check(MetadataBinder binder, EtcdTls tls)
    {
        try
        {
            using var cas = LoadCas(tls);
        }
        catch (CryptographicException)
        {
            binder.Fail(EtcdKeys.Ca, "is not a PEM certificate");
        }
        try
        {
            using var client = LoadClientCertificate(tls);
        }
        catch (CryptographicException)
        {
            binder.Fail(
                tls.KeyPassword is null ? EtcdKeys.Cert : EtcdKeys.KeyPassword,
                tls.KeyPassword is null
                    ? "is not a PEM certificate matching the PEM key in key (an encrypted key needs keyPassword)"
                    : "does not decrypt key into the key of cert (key must be an encrypted PKCS#8 PEM, ENCRYPTED PRIVATE KEY)");
        }
    }

    /// <summary>The <c>ca</c> certificates (empty without one). Throws CryptographicException on bad PEM.</summary>
    public static EtcdCertificateSet LoadCas(EtcdTls tls)
    {
        var cas = new X509Certificate2Collection();
        if (tls.CaPem is not null)
        {
            cas.ImportFromPem(tls.CaPem);
            if (cas.Count == 0)
            {
                throw new CryptographicException("no certificate in the PEM text");
            }
        }
        return new EtcdCertificateSet(cas);
    }

    /// <summary>The client certificate with its key, or null without one. Throws CryptographicException on bad PEM or a wrong password.</summary>
    public static X509Certificate2? LoadClientCertificate(EtcdTls tls)
    {
        if (!tls.HasClientCertificate)
        {
            return null;
        }
        return tls.KeyPassword is null
            ? X509Certificate2.CreateFromPem(tls.CertPem, tls.KeyPem)
            : X509Certificate2.CreateFromEncryptedPem(tls.CertPem, tls.KeyPem, tls.KeyPassword);
    }
}
