namespace Crema.Scalers.RabbitMq;

/// <summary>
/// Where and as whom an AMQP trigger connects, read from its host URL as amqp091-go's ParseURI reads it
/// (default port 5672, or 5671 for amqps; user guest, password guest; the path after the first slash,
/// unescaped, is the vhost, default <c>/</c>), then vhostName and username/password override (KEDA).
/// TLS is used for amqps and whenever <c>tls: enable</c>. ToString never shows the password.
/// </summary>
internal sealed record RabbitMqAmqpEndpoint(
    string HostName,
    int Port,
    string VirtualHost,
    string UserName,
    string Password,
    bool UseTls,
    bool UseExternalAuth)
{
    /// <summary>Builds the endpoint of metadata whose host is a valid amqp or amqps URL (checked when binding).</summary>
    public static RabbitMqAmqpEndpoint From(RabbitMqMetadata metadata)
    {
        var uri = RabbitMqHostUrl.Parse(metadata.Host) ?? throw new RabbitMqException("rabbitmq: the host is not a URL");
        var secure = uri.Scheme == "amqps";
        var path = Uri.UnescapeDataString(uri.AbsolutePath);
        var vhost = path.Length > 1 ? path[1..] : "/";
        var urlPassword = RabbitMqHostUrl.PasswordOf(uri);
        var hasCredentials = metadata.Username is not null && metadata.Password is not null;
        // KEDA (#6840): TLS with a client certificate and no password anywhere authenticates by the certificate (SASL EXTERNAL).
        var external = metadata.Tls.HasClientCertificate && !hasCredentials && urlPassword is null;
        return new RabbitMqAmqpEndpoint(
            uri.IdnHost,
            uri.IsDefaultPort || uri.Port < 0 ? (secure ? 5671 : 5672) : uri.Port,
            metadata.VhostName ?? vhost,
            hasCredentials ? metadata.Username! : RabbitMqHostUrl.UserOf(uri) ?? "guest",
            hasCredentials ? metadata.Password! : urlPassword ?? "guest",
            secure || metadata.Tls.Enabled,
            external);
    }

    /// <summary>host:port, for messages.</summary>
    public string Address => $"{(HostName.Contains(':', StringComparison.Ordinal) ? $"[{HostName}]" : HostName)}:{Port}";

    /// <inheritdoc />
    public override string ToString() =>
        $"{nameof(RabbitMqAmqpEndpoint)} {{ Address = {Address}, VirtualHost = {VirtualHost}, UserName = {UserName}, UseTls = {UseTls}, UseExternalAuth = {UseExternalAuth} }}";
}
