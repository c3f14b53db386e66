using System.Security.Cryptography.X509Certificates;

namespace Crema.Abstractions;

/// <summary>
/// TLS settings of a shared HttpClient. Two scalers with equal settings share one client.
/// Request timeouts are per request (use a CancellationToken), not part of these settings. Clients made
/// from these settings do not follow redirects: a 3xx reaches the caller (see the HTTP scalers' HttpSource).
/// </summary>
/// <param name="UnsafeSsl">Skip server certificate validation. Default false.</param>
/// <param name="CaCertificatePem">Extra trusted CA in PEM, or null for the system store.</param>
/// <param name="ClientCertificatePem">Client certificate in PEM, or null.</param>
/// <param name="ClientKeyPem">Client private key in PEM, or null.</param>
/// <param name="Http2Only">Use HTTP/2 with prior knowledge (gRPC). Default false.</param>
public sealed record HttpClientSettings(
    bool UnsafeSsl = false,
    string? CaCertificatePem = null,
    string? ClientCertificatePem = null,
    string? ClientKeyPem = null,
    bool Http2Only = false)
{
    /// <summary>Describes the settings without the PEM texts (the client key is a secret).</summary>
    public override string ToString() =>
        $"HttpClientSettings {{ UnsafeSsl = {UnsafeSsl}, CustomCa = {CaCertificatePem is not null}, ClientCertificate = {ClientCertificatePem is not null}, Http2Only = {Http2Only} }}";

    /// <summary>Plain HTTPS with the system trust store.</summary>
    public static HttpClientSettings Default { get; } = new();

    /// <summary>Builds a handler for these settings. Used by <see cref="IScalerServices"/> implementations.</summary>
    public SocketsHttpHandler CreateHandler()
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            EnableMultipleHttp2Connections = true,
            AutomaticDecompression = System.Net.DecompressionMethods.All,
            // Redirects are followed by the caller, only to the configured host: the handler would carry
            // custom credential headers to any host a source redirects to.
            AllowAutoRedirect = false,
        };
        if (ClientCertificatePem is not null && ClientKeyPem is not null)
        {
            var certificate = X509Certificate2.CreateFromPem(ClientCertificatePem, ClientKeyPem);
            handler.SslOptions.ClientCertificates = [certificate];
        }
        if (UnsafeSsl)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        }
        else if (CaCertificatePem is not null)
        {
            var ca = X509Certificate2.CreateFromPem(CaCertificatePem);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                CustomCaValidator.Validate(ca, certificate, errors);
        }
        return handler;
    }
}
