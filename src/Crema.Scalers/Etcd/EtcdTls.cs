namespace Crema.Scalers.Etcd;

/// <summary>
/// TLS to the etcd servers (<c>tls: enable</c>). KEDA validates the server against the system roots plus
/// <c>ca</c> and never skips validation. ToString shows no PEM text or password.
/// </summary>
/// <param name="CaPem">CA certificates trusted besides the system's (PEM), or null.</param>
/// <param name="CertPem">Client certificate (PEM), or null.</param>
/// <param name="KeyPem">Its key (PEM; encrypted PKCS#8 when <paramref name="KeyPassword"/> is given), or null.</param>
/// <param name="KeyPassword">Password of the client key, or null.</param>
internal sealed record EtcdTls(string? CaPem, string? CertPem, string? KeyPem, string? KeyPassword)
{
    /// <summary>True when a client certificate is presented (mTLS).</summary>
    public bool HasClientCertificate => CertPem is not null && KeyPem is not null;

    /// <inheritdoc />
    public override string ToString() =>
        $"{nameof(EtcdTls)} {{ Ca = {CaPem is not null}, ClientCertificate = {HasClientCertificate}, KeyPassword = {KeyPassword is not null} }}";
}
