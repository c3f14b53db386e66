namespace Crema.Scalers.External;

/// <summary>
/// Reads <c>scalerAddress</c> the way gRPC clients write it: <c>host:port</c>, <c>dns:///host:port</c>,
/// <c>[::1]:port</c>, or a URL (<c>https://host</c> implies TLS and port 443).
/// </summary>
internal static class ExternalAddress
{
    /// <summary>The server root URI, or an error message without the key.</summary>
    public static (Uri? Uri, string? Error) Parse(string text, bool useTls)
    {
        var address = text.Trim();
        if (address.StartsWith("dns:///", StringComparison.OrdinalIgnoreCase))
        {
            address = address["dns:///".Length..];
        }
        if (address.Contains("://", StringComparison.Ordinal))
        {
            if (!Uri.TryCreate(address, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                return (null, $"\"{text}\" is not host:port or an http(s) URL");
            }
            if (url.Scheme == "http" && useTls)
            {
                return (null, $"\"{text}\" is an http URL but TLS is enabled (enableTLS, caCert or tlsClientCert); use https:// or host:port");
            }
            return (new UriBuilder(url.Scheme, url.Host, url.Port).Uri, null);
        }
        var colon = address.LastIndexOf(':');
        var bracket = address.LastIndexOf(']');
        if (colon <= 0 || colon < bracket || !ushort.TryParse(address.AsSpan(colon + 1), out var port) || port == 0)
        {
            return (null, $"\"{text}\" is not host:port (for example my-scaler:6000)");
        }
        var host = address[..colon];
        if (Uri.CheckHostName(host.Trim('[', ']')) == UriHostNameType.Unknown)
        {
            return (null, $"\"{text}\" does not start with a valid host name");
        }
        return (new UriBuilder(useTls ? "https" : "http", host.Trim('[', ']'), port).Uri, null);
    }
}
