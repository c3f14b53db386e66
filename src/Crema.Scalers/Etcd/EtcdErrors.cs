using System.Security.Authentication;
using System.Text;
using Crema.Abstractions;
using Crema.Scalers.Http;
using Grpc.Core;

namespace Crema.Scalers.Etcd;

/// <summary>Turns a failed etcd call into one redacted line that says what to fix.</summary>
internal sealed class EtcdErrors(EtcdMetadata metadata)
{
    private readonly SecretRedactor redactor = new(
        metadata.Password is { Length: > 0 } password ? [password] : [],
        metadata.Password is { Length: > 0 } ? [(metadata.Username ?? string.Empty, metadata.Password)] : null);

    /// <summary>"etcd at HOST:PORT (TLS, as user "u")", the start of every message.</summary>
    public string Prefix(EtcdEndpoint endpoint) =>
        $"etcd at {endpoint} ({(endpoint.UsesTls(metadata.Tls is not null) ? "TLS" : "cleartext")}, " +
        $"{(metadata.Username is null ? "no user" : $"as user \"{UntrustedText.Escape(metadata.Username)}\"")})";

    /// <summary>The exception for <paramref name="ex"/> raised by <paramref name="what"/> on <paramref name="endpoint"/>.</summary>
    public EtcdReadException Failed(EtcdEndpoint endpoint, string what, RpcException ex) =>
        // No inner exception: the RpcException's text is the server's, unredacted.
        new($"{Prefix(endpoint)}: {what}: {Describe(ex, endpoint.UsesTls(metadata.Tls is not null))}", ex.StatusCode);

    /// <summary>Text from the server or the transport, redacted and escaped.</summary>
    public string Clean(string text) => redactor.Clean(text);

    private string Describe(RpcException ex, bool tls)
    {
        var text = new StringBuilder(StatusName(ex.StatusCode));
        if (!string.IsNullOrWhiteSpace(ex.Status.Detail))
        {
            text.Append(": ").Append(ex.Status.Detail);
        }
        for (var cause = ex.Status.DebugException; cause is not null; cause = cause.InnerException)
        {
            if (!text.ToString().Contains(cause.Message, StringComparison.Ordinal))
            {
                text.Append(" (").Append(cause.Message).Append(')');
            }
            if (cause is AuthenticationException || cause.Message.Contains("SSL connection could not be established", StringComparison.Ordinal))
            {
                text.Append(" (TLS handshake failed: check ca, cert and key, and that the server speaks TLS)");
                break;
            }
        }
        var all = text.ToString();
        var detail = ex.Status.Detail ?? string.Empty;
        if (detail.Contains("invalid user ID or password", StringComparison.Ordinal))
        {
            text.Append(" (check username and password in the trigger's authenticationRef)");
        }
        else if (detail.Contains("user name is empty", StringComparison.Ordinal))
        {
            text.Append(" (the server requires authentication: give username and password in the trigger's authenticationRef)");
        }
        else if (ex.StatusCode == StatusCode.PermissionDenied)
        {
            text.Append(" (the user needs a role that may read the key)");
        }
        else if (all.Contains("did not complete the HTTP/2 handshake", StringComparison.Ordinal) && !all.Contains("TLS handshake failed", StringComparison.Ordinal))
        {
            text.Append(tls
                ? " (the server closed the connection after the TLS handshake: it may require a client certificate, cert and key)"
                : " (is this a TLS port? set tls: enable in the trigger's authenticationRef, or use an https:// endpoint)");
        }
        return Clean(text.ToString());
    }

    /// <summary>The canonical upper-case name (<c>NOT_FOUND</c>), as etcdctl prints it.</summary>
    private static string StatusName(StatusCode code)
    {
        var name = code.ToString();
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                text.Append('_');
            }
            text.Append(char.ToUpperInvariant(name[i]));
        }
        return text.ToString();
    }
}
