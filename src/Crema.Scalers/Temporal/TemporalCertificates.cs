using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Crema.Abstractions;

namespace Crema.Scalers.Temporal;

/// <summary>
/// Loads the PEM auth parameters of a <c>temporal</c> trigger. An encrypted key is PKCS#8
/// (<c>ENCRYPTED PRIVATE KEY</c>), the only kind KEDA decrypts with keyPassword.
/// </summary>
internal static class TemporalCertificates
{
    /// <summary>Reports PEM texts that do not load; messages never show their content.</summary>
    public static void Check(MetadataBinder binder, TemporalTls tls)
    {
        if (tls.CaPem is not null)
        {
            try
            {
                using var ca = LoadCa(tls.CaPem);
            }
            catch (CryptographicException)
            {
                binder.Fail(TemporalKeys.Ca.Name, "is not a PEM certificate", MetadataSource.AuthParams);
            }
        }
        if (tls.HasClientCertificate)
        {
            try
            {
                using var client = LoadClientCertificate(tls);
            }
            catch (CryptographicException)
            {
                binder.Fail(
                    tls.KeyPassword is null ? TemporalKeys.Cert.Name : TemporalKeys.KeyPassword.Name,
                    tls.KeyPassword is null
                        ? "is not a PEM certificate matching the PEM key in key (an encrypted key needs keyPassword)"
                        : "does not decrypt key into the key of cert (key must be an encrypted PKCS#8 PEM, ENCRYPTED PRIVATE KEY)",
                    MetadataSource.AuthParams);
            }
        }
    }

    /// <summary>The client certificate with its private key, or null without mTLS.</summary>
    public static X509Certificate2? LoadClientCertificate(TemporalTls tls)
    {
        if (!tls.HasClientCertificate)
        {
            return null;
        }
        return tls.KeyPassword is null
            ? X509Certificate2.CreateFromPem(tls.ClientCertificatePem, tls.ClientKeyPem)
            : X509Certificate2.CreateFromEncryptedPem(tls.ClientCertificatePem, tls.ClientKeyPem, tls.KeyPassword);
    }

    /// <summary>The first certificate of the <c>ca</c> PEM text.</summary>
    public static X509Certificate2 LoadCa(string pem) => X509Certificate2.CreateFromPem(pem);
}
