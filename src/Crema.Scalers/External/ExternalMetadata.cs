using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Crema.Abstractions;

namespace Crema.Scalers.External;

/// <summary>
/// Metadata of the <c>external</c> and <c>external-push</c> triggers (KEDA's external scaler).
/// </summary>
/// <param name="Address">The server root (http:// for cleartext h2c, https:// for TLS).</param>
/// <param name="ScalerMetadata">Every trigger metadata entry, sent to the server as <c>scalerMetadata</c>.</param>
/// <param name="Http">TLS settings of the shared HTTP/2 client.</param>
/// <remarks>ToString shows no client key and no forwarded value (an <c>xFromEnv</c> value may be a secret).</remarks>
internal sealed record ExternalMetadata(Uri Address, IReadOnlyDictionary<string, string> ScalerMetadata, HttpClientSettings Http)
{
    private const string FromEnvSuffix = "FromEnv";

    /// <inheritdoc />
    public override string ToString() =>
        $"{nameof(ExternalMetadata)} {{ Address = {Address}, Tls = {Address.Scheme == Uri.UriSchemeHttps}, UnsafeSsl = {Http.UnsafeSsl}, " +
        $"Ca = {Http.CaCertificatePem is not null}, ClientCertificate = {Http.ClientCertificatePem is not null}, " +
        $"ScalerMetadata keys = [{string.Join(", ", ScalerMetadata.Keys.Order(StringComparer.Ordinal))}] }}";

    /// <summary>Binds and checks every key; used by both factories.</summary>
    public static ExternalMetadata Bind(MetadataBinder binder)
    {
        var address = binder.RequiredString(ExternalKeys.ScalerAddress);
        var enableTls = binder.Bool(ExternalKeys.EnableTls);
        var unsafeSsl = binder.Bool(ExternalKeys.UnsafeSsl);
        var caCert = binder.String(ExternalKeys.CaCert);
        var clientCert = binder.String(ExternalKeys.TlsClientCert);
        var clientKey = binder.String(ExternalKeys.TlsClientKey);
        if ((clientCert is null) != (clientKey is null))
        {
            var (missing, given) = clientCert is null ? (ExternalKeys.TlsClientCert, ExternalKeys.TlsClientKey) : (ExternalKeys.TlsClientKey, ExternalKeys.TlsClientCert);
            binder.Fail(missing.Name, $"is required when {given.Name} is given{MetadataError.AuthenticationRefHint}", MetadataSource.AuthParams);
        }
        // As KEDA: any certificate implies TLS even without enableTLS.
        var useTls = enableTls || caCert is not null || clientCert is not null;

        Uri root = new("http://unresolved/");
        if (address.Length > 0)
        {
            var (uri, error) = ExternalAddress.Parse(address, useTls);
            if (error is not null)
            {
                binder.Fail(ExternalKeys.ScalerAddress.Name, error);
            }
            root = uri ?? root;
            useTls |= root.Scheme == Uri.UriSchemeHttps;
        }

        if (!binder.Context.ValidationOnly)
        {
            CheckPem(binder, caCert, clientCert, clientKey);
        }
        var http = new HttpClientSettings(
            UnsafeSsl: useTls && unsafeSsl,
            CaCertificatePem: useTls ? caCert : null,
            ClientCertificatePem: useTls ? clientCert : null,
            ClientKeyPem: useTls ? clientKey : null,
            Http2Only: true);
        return new ExternalMetadata(root, Forward(binder), http);
    }

    /// <summary>
    /// KEDA forwards every metadata entry as written, except that a <c>xFromEnv</c> entry keeps its key
    /// and carries the variable's value (dropped when the variable is unset or empty).
    /// </summary>
    private static Dictionary<string, string> Forward(MetadataBinder binder)
    {
        var forwarded = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in binder.Context.Metadata)
        {
            // Every key means something to the server, so none is reported as unknown.
            binder.Has(key);
            if (!key.EndsWith(FromEnvSuffix, StringComparison.Ordinal))
            {
                forwarded[key] = value;
            }
            else if (!binder.Context.ValidationOnly && binder.Context.Environment(value) is { Length: > 0 } resolved)
            {
                forwarded[key] = resolved;
            }
        }
        return forwarded;
    }

    private static void CheckPem(MetadataBinder binder, string? caCert, string? clientCert, string? clientKey)
    {
        if (caCert is not null)
        {
            try
            {
                using var ca = X509Certificate2.CreateFromPem(caCert);
            }
            catch (CryptographicException)
            {
                binder.Fail(ExternalKeys.CaCert.Name, "is not a PEM certificate", MetadataSource.AuthParams);
            }
        }
        if (clientCert is not null && clientKey is not null)
        {
            try
            {
                using var certificate = X509Certificate2.CreateFromPem(clientCert, clientKey);
            }
            catch (CryptographicException)
            {
                binder.Fail(ExternalKeys.TlsClientCert.Name, "is not a PEM certificate matching the PEM key in tlsClientKey", MetadataSource.AuthParams);
            }
        }
    }
}
