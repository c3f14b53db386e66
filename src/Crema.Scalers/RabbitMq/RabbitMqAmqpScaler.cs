using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using Crema.Abstractions;
using Crema.Scalers.Http;
using RabbitMQ.Client;

namespace Crema.Scalers.RabbitMq;

/// <summary>
/// Reads a <c>rabbitmq</c> trigger over AMQP 0-9-1: a passive queue.declare, whose reply carries the
/// queue's ready-message count (unacknowledged messages are not counted, as in KEDA). The connection
/// is opened on the first read and kept; any failure closes it so the next read starts afresh. Each
/// read is bounded by <see cref="RabbitMqMetadata.AmqpTimeout"/> on the injected clock.
/// </summary>
internal sealed class RabbitMqAmqpScaler(RabbitMqMetadata metadata, RabbitMqAmqpEndpoint endpoint, string connectionName, TimeProvider timeProvider) : IScaler
{
    private readonly SecretRedactor redactor = new(metadata.SecretValues.Append(endpoint.Password), [(endpoint.UserName, endpoint.Password)]);
    private IConnection? connection;
    private IChannel? channel;

    public async ValueTask<MetricReading> ReadAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(RabbitMqMetadata.AmqpTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        uint messages;
        try
        {
            var open = await OpenChannelAsync(linked.Token).ConfigureAwait(false);
            messages = (await open.QueueDeclarePassiveAsync(metadata.QueueName, linked.Token).ConfigureAwait(false)).MessageCount;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            await CloseAsync().ConfigureAwait(false);
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                $"rabbitmq at {endpoint.Address} (user \"{endpoint.UserName}\", vhost \"{endpoint.VirtualHost}\"): no answer within {RabbitMqMetadata.AmqpTimeout.TotalSeconds} s"));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await CloseAsync().ConfigureAwait(false);
            throw RabbitMqAmqpErrors.Describe(e, endpoint, metadata.QueueName, redactor);
        }
        var stats = new RabbitMqQueueStats(messages, messages, 0, 0);
        var (value, active) = RabbitMqMetric.Compute(metadata.Mode, stats, metadata.ActivationValue);
        return metadata.ToReading(value) with { IsActive = active };
    }

    public async ValueTask DisposeAsync() => await CloseAsync().ConfigureAwait(false);

    /// <summary>The connection factory for <paramref name="endpoint"/> (no I/O).</summary>
    internal static ConnectionFactory CreateFactory(RabbitMqMetadata metadata, RabbitMqAmqpEndpoint endpoint, string connectionName)
    {
        var factory = new ConnectionFactory
        {
            HostName = endpoint.HostName,
            Port = endpoint.Port,
            VirtualHost = endpoint.VirtualHost,
            UserName = endpoint.UserName,
            Password = endpoint.Password,
            ClientProvidedName = connectionName,
            // Crema rebuilds a failed scaler itself; the client's own recovery would hide failures.
            AutomaticRecoveryEnabled = false,
            TopologyRecoveryEnabled = false,
            RequestedConnectionTimeout = RabbitMqMetadata.AmqpTimeout,
            HandshakeContinuationTimeout = RabbitMqMetadata.AmqpTimeout,
            ContinuationTimeout = RabbitMqMetadata.AmqpTimeout,
        };
        if (endpoint.UseExternalAuth)
        {
            factory.AuthMechanisms = [new ExternalMechanismFactory()];
        }
        if (endpoint.UseTls)
        {
            factory.Ssl = TlsOption(metadata, endpoint);
        }
        return factory;
    }

    private static SslOption TlsOption(RabbitMqMetadata metadata, RabbitMqAmqpEndpoint endpoint)
    {
        var option = new SslOption { Enabled = true, ServerName = endpoint.HostName };
        var tls = metadata.Tls;
        // As in KEDA, unsafeSsl, ca and the client certificate apply only with tls: enable; plain amqps uses the system store.
        if (!tls.Enabled)
        {
            return option;
        }
        if (tls.HasClientCertificate)
        {
            option.Certs = [RabbitMqClientCertificate.Load(tls)];
        }
        if (metadata.UnsafeSsl)
        {
            option.CertificateValidationCallback = (_, _, _, _) => true;
        }
        else if (tls.Ca is not null)
        {
            var ca = LoadCa(tls.Ca);
            option.CertificateValidationCallback = (_, certificate, _, errors) => CustomCaValidator.Validate(ca, certificate, errors);
        }
        return option;
    }

    private static X509Certificate2 LoadCa(string pem)
    {
        try
        {
            return X509Certificate2.CreateFromPem(pem);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            throw new RabbitMqException("rabbitmq: ca (authenticationRef) is not a PEM certificate");
        }
    }

    private async Task<IChannel> OpenChannelAsync(CancellationToken cancellationToken)
    {
        if (channel is { IsOpen: true })
        {
            return channel;
        }
        await CloseAsync().ConfigureAwait(false);
        var factory = CreateFactory(metadata, endpoint, connectionName);
        connection = await factory.CreateConnectionAsync(cancellationToken).ConfigureAwait(false);
        channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return channel;
    }

    private async Task CloseAsync()
    {
        var (oldChannel, oldConnection) = (channel, connection);
        (channel, connection) = (null, null);
        if (oldChannel is not null)
        {
            await oldChannel.DisposeAsync().ConfigureAwait(false);
        }
        if (oldConnection is not null)
        {
            await oldConnection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
