using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Crema.Scalers.RabbitMq;

/// <summary>
/// Loads the <c>cert</c>/<c>key</c> PEM pair of a <c>rabbitmq</c> trigger, decrypting the key with
/// <c>keyPassword</c> when given (as KEDA's NewTLSConfigWithPassword does). Errors never show the key.
/// </summary>
internal static class RabbitMqClientCertificate
{
    /// <summary>The certificate with its private key.</summary>
    public static X509Certificate2 Load(RabbitMqTlsSettings tls)
    {
        try
        {
            var certificate = tls.KeyPassword is null
                ? X509Certificate2.CreateFromPem(tls.Cert, tls.Key)
                : X509Certificate2.CreateFromEncryptedPem(tls.Cert, tls.Key, tls.KeyPassword);
            // SslStream on Linux needs a certificate whose key is not ephemeral for client authentication.
            using (certificate)
            {
                return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.Exportable);
            }
        }
        catch (CryptographicException)
        {
            throw new RabbitMqException(
                "rabbitmq: cert and key (authenticationRef) are not a PEM certificate and its private key" +
                (tls.KeyPassword is null ? "" : ", or keyPassword does not decrypt the key"));
        }
        catch (ArgumentException)
        {
            throw new RabbitMqException("rabbitmq: cert and key (authenticationRef) are not a PEM certificate and its private key");
        }
    }

    /// <summary>The key as unencrypted PKCS#8 PEM, for the shared HTTP client settings (which take PEM).</summary>
    public static string UnencryptedKeyPem(RabbitMqTlsSettings tls)
    {
        if (tls.KeyPassword is null)
        {
            return tls.Key!;
        }
        try
        {
            using var certificate = X509Certificate2.CreateFromEncryptedPem(tls.Cert, tls.Key, tls.KeyPassword);
            using AsymmetricAlgorithm key = (AsymmetricAlgorithm?)certificate.GetRSAPrivateKey() ?? certificate.GetECDsaPrivateKey()
                ?? throw new RabbitMqException("rabbitmq: the client key (authenticationRef key) is neither RSA nor ECDSA");
            return key.ExportPkcs8PrivateKeyPem();
        }
        catch (CryptographicException)
        {
            throw new RabbitMqException("rabbitmq: cert and key (authenticationRef) are not a PEM certificate and its private key, or keyPassword does not decrypt the key");
        }
    }
}
