namespace Crema.Scalers.RabbitMq;

/// <summary>How a <c>rabbitmq</c> trigger reads its queue; <c>protocol: auto</c> picks one from the host's scheme.</summary>
internal enum RabbitMqProtocol
{
    /// <summary>AMQP 0-9-1: a passive queue.declare returns the ready-message count.</summary>
    Amqp,

    /// <summary>The management plugin's HTTP API: counts, unacknowledged messages and rates.</summary>
    Http,
}
