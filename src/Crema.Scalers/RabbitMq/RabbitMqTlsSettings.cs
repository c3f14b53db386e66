namespace Crema.Scalers.RabbitMq;

/// <summary>
/// The TLS parameters of a <c>rabbitmq</c> trigger's authenticationRef (KEDA: <c>tls</c>, <c>ca</c>, <c>cert</c>,
/// <c>key</c>, <c>keyPassword</c>). As in KEDA the CA and client certificate apply only with <c>tls: enable</c>.
/// ToString never shows the key or its password.
/// </summary>
/// <param name="Enabled"><c>tls: enable</c>. Default false (<c>disable</c>).</param>
/// <param name="Ca">An extra trusted CA in PEM, or null for the system store.</param>
/// <param name="Cert">The client certificate in PEM, or null.</param>
/// <param name="Key">The client private key in PEM, or null.</param>
/// <param name="KeyPassword">The password of an encrypted <paramref name="Key"/>, or null.</param>
internal sealed record RabbitMqTlsSettings(bool Enabled, string? Ca, string? Cert, string? Key, string? KeyPassword)
{
    /// <summary>TLS parameters not given.</summary>
    public static RabbitMqTlsSettings Disabled { get; } = new(false, null, null, null, null);

    /// <summary>True when a client certificate is configured and TLS is on.</summary>
    public bool HasClientCertificate => Enabled && Cert is not null && Key is not null;

    /// <inheritdoc />
    public override string ToString() =>
        $"{nameof(RabbitMqTlsSettings)} {{ Enabled = {Enabled}, CustomCa = {Ca is not null}, ClientCertificate = {Cert is not null} }}";
}
