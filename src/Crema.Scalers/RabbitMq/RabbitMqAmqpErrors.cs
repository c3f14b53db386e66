using System.Net.Sockets;
using System.Security.Authentication;
using Crema.Scalers.Http;
using RabbitMQ.Client.Exceptions;

namespace Crema.Scalers.RabbitMq;

/// <summary>Words an AMQP failure for the operator: which server, which user and vhost, what to fix; never a secret.</summary>
internal static class RabbitMqAmqpErrors
{
    public static RabbitMqException Describe(Exception error, RabbitMqAmqpEndpoint endpoint, string queueName, SecretRedactor redactor)
    {
        var at = $"rabbitmq at {endpoint.Address}";
        var who = $"user \"{endpoint.UserName}\"{(endpoint.UseExternalAuth ? " (client certificate)" : "")}";
        var chain = Chain(error).ToArray();
        if (chain.OfType<AuthenticationFailureException>().Any())
        {
            return new($"{at}: login refused for {who}; check username and password (or the host URL's user info)", error);
        }
        if (chain.OfType<AuthenticationException>().FirstOrDefault() is { } tls)
        {
            return new($"{at}: TLS handshake failed ({redactor.Redact(tls.Message)}); check tls, ca and that the port serves TLS (amqps, usually 5671)", error);
        }
        var reason = chain.Select(ShutdownReason).FirstOrDefault(r => r is not null);
        if (reason is { } r)
        {
            var text = redactor.Redact(r.Text);
            return r.Code switch
            {
                404 => new($"{at}: queue \"{queueName}\" not found in vhost \"{endpoint.VirtualHost}\" ({text})", error),
                530 or 403 when text.Contains("vhost", StringComparison.OrdinalIgnoreCase) =>
                    new($"{at}: vhost \"{endpoint.VirtualHost}\" not found or not open to {who} ({text})", error),
                403 => new($"{at}: {who} may not read queue \"{queueName}\" in vhost \"{endpoint.VirtualHost}\" ({text})", error),
                _ => new($"{at} ({who}, vhost \"{endpoint.VirtualHost}\"): the broker closed the connection ({r.Code} {text})", error),
            };
        }
        if (chain.OfType<SocketException>().FirstOrDefault() is { } socket)
        {
            return new($"{at}: cannot connect ({socket.SocketErrorCode}: {redactor.Redact(socket.Message)}); check the host and port and that the broker is running", error);
        }
        if (chain.Any(e => e is EndOfStreamException or IOException) && endpoint.UseTls)
        {
            return new($"{at}: the connection closed during the TLS handshake or login; check that the port serves TLS and the client certificate", error);
        }
        var innermost = chain[^1];
        return new($"{at} ({who}, vhost \"{endpoint.VirtualHost}\"): {redactor.Redact(innermost.Message)}", error);
    }

    private static (ushort Code, string Text)? ShutdownReason(Exception e) => e switch
    {
        OperationInterruptedException { ShutdownReason: { } reason } => (reason.ReplyCode, reason.ReplyText),
        ProtocolException { ShutdownReason: { } reason } => (reason.ReplyCode, reason.ReplyText),
        _ => null,
    };

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain))
                {
                    yield return inner;
                }
                yield break;
            }
            yield return e;
        }
    }
}
