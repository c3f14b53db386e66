namespace Crema.Scalers.RabbitMq;

/// <summary>
/// Reads the <c>host</c> URL of a <c>rabbitmq</c> trigger, which may carry <c>user:password@</c>, and
/// describes it for messages without the password.
/// </summary>
internal static class RabbitMqHostUrl
{
    /// <summary>The parsed URL when <paramref name="host"/> is an absolute URL with a host name, else null.</summary>
    public static Uri? Parse(string host) =>
        Uri.TryCreate(host.Trim(), UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? uri : null;

    /// <summary>The protocol a scheme implies (KEDA's <c>protocol: auto</c>), or null for another scheme.</summary>
    public static RabbitMqProtocol? ProtocolOf(Uri uri) => uri.Scheme switch
    {
        "amqp" or "amqps" => RabbitMqProtocol.Amqp,
        "http" or "https" => RabbitMqProtocol.Http,
        _ => null,
    };

    /// <summary>The user of the URL's user info, unescaped, or null.</summary>
    public static string? UserOf(Uri uri) =>
        uri.UserInfo.Length == 0 ? null : Uri.UnescapeDataString(uri.UserInfo.Split(':', 2)[0]);

    /// <summary>The password of the URL's user info, unescaped, or null when it has none.</summary>
    public static string? PasswordOf(Uri uri)
    {
        var parts = uri.UserInfo.Split(':', 2);
        return parts.Length == 2 ? Uri.UnescapeDataString(parts[1]) : null;
    }

    /// <summary>The password written in <paramref name="host"/>, or null.</summary>
    public static string? PasswordOf(string host) => Parse(host) is { } uri ? PasswordOf(uri) : null;

    /// <summary>The URL as messages show it: scheme, host, port and path, never the user info.</summary>
    public static string Describe(Uri uri) =>
        $"{uri.Scheme}://{uri.Authority}{(uri.AbsolutePath == "/" ? "" : uri.AbsolutePath)}";

    /// <summary>As <see cref="Describe(Uri)"/>; a text that is not a URL is never echoed (it may hold a password).</summary>
    public static string Describe(string host) => Parse(host) is { } uri ? Describe(uri) : "(not a URL)";
}
