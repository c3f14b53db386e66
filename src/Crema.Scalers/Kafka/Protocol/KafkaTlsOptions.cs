using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Crema.Scalers.Kafka.Protocol;

/// <summary>
/// TLS to the brokers (KEDA's <c>tls: enable</c>): an extra trusted CA (PEM), an optional client
/// certificate and key (PEM), or no validation at all with UnsafeSsl.
/// </summary>
internal sealed record KafkaTlsOptions(bool UnsafeSsl = false, string? CaPem = null, string? CertPem = null, string? KeyPem = null)
{
    /// <summary>Wraps a connected stream in TLS, validating the broker against <paramref name="host"/>.</summary>
    public async Task<SslStream> AuthenticateAsync(Stream inner, string host, CancellationToken cancellationToken)
    {
        var stream = new SslStream(inner, leaveInnerStreamOpen: false);
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = host,
            EnabledSslProtocols = SslProtocols.None,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        };
        if (CertPem is not null && KeyPem is not null)
        {
            options.ClientCertificates = [X509Certificate2.CreateFromPem(CertPem, KeyPem)];
        }
        if (UnsafeSsl)
        {
            options.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        }
        else if (CaPem is not null)
        {
            var trusted = X509Certificate2.CreateFromPem(CaPem);
            options.RemoteCertificateValidationCallback = (_, certificate, _, errors) => IsTrusted(trusted, certificate, errors);
        }
        try
        {
            await stream.AuthenticateAsClientAsync(options, cancellationToken).ConfigureAwait(false);
            return stream;
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Accepts a chain that ends in the configured CA; a host name mismatch is never accepted.</summary>
    internal static bool IsTrusted(X509Certificate2 ca, X509Certificate? certificate, SslPolicyErrors errors)
    {
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
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }
}
