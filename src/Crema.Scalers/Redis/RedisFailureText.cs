using System.Security.Authentication;
using StackExchange.Redis;

namespace Crema.Scalers.Redis;

/// <summary>
/// What a StackExchange.Redis failure means for the user, in one line: the library's own advice (abortConnect,
/// thread-pool figures, versions) removed, the reason kept. Not redacted: the caller redacts.
/// </summary>
internal static class RedisFailureText
{
    private const string NotPossible = "It was not possible to connect to the redis server(s). ";
    private const string NoConnection = "No connection is active/available to service this operation: ";

    /// <summary>
    /// A failure to connect, or to reach a connected server; <paramref name="sentinels"/> when the sentinels
    /// themselves failed, <paramref name="tls"/> when TLS is on (for the hint on a TLS/plain mismatch).
    /// </summary>
    public static string Connection(RedisConnectionException e, bool tls, bool sentinels = false)
    {
        var who = sentinels ? "the sentinels: " : "";
        if (Find<AuthenticationException>(e) is { } handshake)
        {
            return $"{who}TLS handshake failed (check ca, cert and key, or unsafeSsl): {Clean(handshake.Message)}";
        }
        var failure = FailureOf(e);
        if (failure == ConnectionFailureType.AuthenticationFailure)
        {
            var reason = Clean(Find<RedisServerException>(e)?.Message ?? e.Message);
            var keys = sentinels ? "sentinelUsername and sentinelPassword" : "username and password";
            return reason.StartsWith("NOAUTH", StringComparison.Ordinal)
                ? $"{who}a password is required and none was given (check {keys}): {reason}"
                : $"{who}authentication failed (check {keys}): {reason}";
        }
        var text = Clean(e.Message);
        return $"{who}cannot connect ({failure}): {text}{Hint(text, tls)}";
    }

    /// <summary>What to change for a reason that names a TLS problem without saying so.</summary>
    private static string Hint(string reason, bool tls)
    {
        if (reason.Contains("certificate required", StringComparison.Ordinal))
        {
            return " (the server demands a client certificate: give cert and key)";
        }
        if (!tls && reason.Contains("reset by peer", StringComparison.Ordinal))
        {
            return " (if that port serves TLS, set enableTLS: \"true\" or the tls: enable parameter)";
        }
        return "";
    }

    /// <summary>The library's message without its diagnostic tail and advice.</summary>
    public static string Clean(string message)
    {
        var text = message;
        var tail = text.IndexOf(", mc: ", StringComparison.Ordinal);
        if (tail > 0)
        {
            text = text[..tail];
        }
        if (text.StartsWith(NoConnection, StringComparison.Ordinal))
        {
            // "...: <the whole command>; <reason>": keep the reason.
            var reason = text.IndexOf("; ", StringComparison.Ordinal);
            text = reason > 0 ? "no connection available: " + text[(reason + 2)..] : "no connection available";
        }
        if (text.StartsWith(NotPossible, StringComparison.Ordinal))
        {
            text = text[NotPossible.Length..];
        }
        var advice = text.IndexOf(" To allow this multiplexer", StringComparison.Ordinal);
        if (advice > 0)
        {
            text = text[..advice];
        }
        if (text.StartsWith("SimpleError: ", StringComparison.Ordinal))
        {
            text = text["SimpleError: ".Length..];
        }
        return text.Trim();
    }

    /// <summary>The most specific failure in the chain: "no connection available" wraps the reason (refused, AUTH...).</summary>
    public static ConnectionFailureType FailureOf(RedisConnectionException e)
    {
        var failure = e.FailureType;
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is RedisConnectionException { FailureType: not ConnectionFailureType.None } specific)
            {
                failure = specific.FailureType;
            }
        }
        return failure;
    }

    private static T? Find<T>(Exception e)
        where T : Exception
    {
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }
        return null;
    }
}
