namespace Crema.Scalers.Temporal;

/// <summary>
/// TLS of the connection to Temporal. KEDA uses TLS when an API key or a client certificate is given,
/// and only then.
/// </summary>
/// <param name="UnsafeSsl">Skip server certificate validation. Default false.</param>
/// <param name="ServerName">Name for SNI and certificate validation instead of the endpoint's host. Default none.</param>
/// <param name="CaPem">Extra trusted CA (PEM), added to the system's. Default none.</param>
/// <param name="ClientCertificatePem">Client certificate (PEM) for mTLS. Default none.</param>
/// <param name="ClientKeyPem">Its key (PEM; encrypted PKCS#8 when <paramref name="KeyPassword"/> is given). Default none.</param>
/// <param name="KeyPassword">Password of the client key. Default none.</param>
internal sealed record TemporalTls(
    bool UnsafeSsl,
    string? ServerName,
    string? CaPem,
    string? ClientCertificatePem,
    string? ClientKeyPem,
    string? KeyPassword)
{
    /// <summary>True when a client certificate is presented (mTLS).</summary>
    public bool HasClientCertificate => ClientCertificatePem is not null && ClientKeyPem is not null;

    /// <summary>Describes the settings without any PEM text or password.</summary>
    public override string ToString() =>
        $"{nameof(TemporalTls)} {{ UnsafeSsl = {UnsafeSsl}, ServerName = {ServerName}, Ca = {CaPem is not null}, " +
        $"ClientCertificate = {HasClientCertificate}, KeyPassword = {KeyPassword is not null} }}";
}
