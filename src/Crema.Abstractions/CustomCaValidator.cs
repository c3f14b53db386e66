using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Crema.Abstractions;

/// <summary>
/// Validates a server certificate against one extra trusted CA (the <c>ca</c> auth parameter), for
/// <see cref="HttpClientSettings"/> and for scalers that open their own TLS streams.
/// </summary>
public static class CustomCaValidator
{
    /// <summary>
    /// Accepts what the system already trusts, or a chain that ends in <paramref name="ca"/>; a host name
    /// mismatch is never accepted. Use as a <c>RemoteCertificateValidationCallback</c> body.
    /// </summary>
    public static bool Validate(X509Certificate2 ca, X509Certificate? certificate, SslPolicyErrors errors)
    {
        ArgumentNullException.ThrowIfNull(ca);
        return Validate([ca], certificate, errors);
    }

    /// <summary>As <see cref="Validate(X509Certificate2, X509Certificate?, SslPolicyErrors)"/>, with a chain ending in any of <paramref name="cas"/>.</summary>
    public static bool Validate(X509Certificate2Collection cas, X509Certificate? certificate, SslPolicyErrors errors)
    {
        ArgumentNullException.ThrowIfNull(cas);
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }
        if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            return false;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(cas);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }
}
