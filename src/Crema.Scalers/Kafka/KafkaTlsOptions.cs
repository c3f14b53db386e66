namespace Crema.Scalers.Kafka;

/// <summary>
/// TLS to the brokers (KEDA's <c>tls: enable</c>): a trusted CA (PEM), an optional client
/// certificate and key (PEM, the key optionally encrypted with KeyPassword), or no validation at
/// all with UnsafeSsl. ToString never shows the key or its password.
/// </summary>
internal sealed record KafkaTlsOptions(bool UnsafeSsl = false, string? CaPem = null, string? CertPem = null, string? KeyPem = null, string? KeyPassword = null)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{nameof(KafkaTlsOptions)} {{ UnsafeSsl = {UnsafeSsl}, Ca = {CaPem is not null}, ClientCertificate = {CertPem is not null && KeyPem is not null} }}";
}
