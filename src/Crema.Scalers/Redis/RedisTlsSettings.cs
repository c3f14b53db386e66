using Crema.Abstractions;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Crema.Scalers.Redis;

/// <summary>
/// TLS to the Redis servers (KEDA's <c>enableTLS: true</c> or <c>tls: enable</c>): extra trusted CAs (PEM), an
/// optional client certificate and key (PEM; the key may be encrypted PKCS#8 with <c>keyPassword</c>), or no
/// server validation with UnsafeSsl. ToString never shows the key or its password.
/// </summary>
/// <param name="UnsafeSsl">Accept any server certificate. Default false.</param>
/// <param name="CaPem">CA certificates trusted besides the system store, or null.</param>
/// <param name="CertPem">Client certificate, or null.</param>
/// <param name="KeyPem">Client private key, or null.</param>
/// <param name="KeyPassword">Password of an encrypted client key, or null.</param>
internal sealed record RedisTlsSettings(bool UnsafeSsl, string? CaPem = null, string? CertPem = null, string? KeyPem = null, string? KeyPassword = null)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{nameof(RedisTlsSettings)} {{ UnsafeSsl = {UnsafeSsl}, Ca = {CaPem is not null}, ClientCertificate = {CertPem is not null && KeyPem is not null} }}";

    /// <summary>What distinguishes two TLS set-ups, with the PEM texts hashed.</summary>
    public string SharingKey => string.Join('|', UnsafeSsl, Hash(CaPem), Hash(CertPem), Hash(KeyPem), Hash(KeyPassword));

    /// <summary>The CA certificates, or an empty collection. Throws CryptographicException on bad PEM.</summary>
    public X509Certificate2Collection LoadCas()
    {
        var cas = new X509Certificate2Collection();
        if (CaPem is not null)
        {
            cas.ImportFromPem(CaPem);
            if (cas.Count == 0)
            {
                throw new CryptographicException("no certificate in the PEM text");
            }
        }
        return cas;
    }

    /// <summary>The client certificate with its key, or null. Throws CryptographicException on bad PEM or a wrong key password.</summary>
    public X509Certificate2? LoadClientCertificate()
    {
        if (CertPem is null || KeyPem is null)
        {
            return null;
        }
        return KeyPassword is null
            ? X509Certificate2.CreateFromPem(CertPem, KeyPem)
            : X509Certificate2.CreateFromEncryptedPem(CertPem, KeyPem, KeyPassword);
    }

    /// <summary>Client options for one server host: its name is checked unless UnsafeSsl, revocation is not (as KEDA).</summary>
    public SslClientAuthenticationOptions ClientOptions(string host, X509Certificate2Collection cas, X509Certificate2? clientCertificate)
    {
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = host,
            EnabledSslProtocols = SslProtocols.None,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        };
        if (clientCertificate is not null)
        {
            options.ClientCertificates = [clientCertificate];
        }
        if (UnsafeSsl)
        {
            options.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        }
        else if (cas.Count > 0)
        {
            options.RemoteCertificateValidationCallback = (_, certificate, _, errors) => CustomCaValidator.Validate(cas, certificate, errors);
        }
        return options;
    }

    private static string Hash(string? text) =>
        text is null ? "-" : Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
