using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Crema.Abstractions;

namespace Crema.Scalers.Kafka.Protocol;

/// <summary>
/// TLS to the brokers (KEDA's <c>tls: enable</c>): an extra trusted CA (PEM), an optional client
/// certificate and key (PEM), or no validation at all with UnsafeSsl. ToString never shows the key.
/// </summary>
internal sealed record KafkaTlsOptions(bool UnsafeSsl = false, string? CaPem = null, string? CertPem = null, string? KeyPem = null)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{nameof(KafkaTlsOptions)} {{ UnsafeSsl = {UnsafeSsl}, Ca = {CaPem is not null}, ClientCertificate = {CertPem is not null && KeyPem is not null} }}";

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
            options.RemoteCertificateValidationCallback = (_, certificate, _, errors) => CustomCaValidator.Validate(trusted, certificate, errors);
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
}
