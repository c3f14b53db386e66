namespace Crema.Scalers.RabbitMq;

/// <summary>What a <c>rabbitmq</c> trigger measures (KEDA's <c>mode</c>). Every mode but QueueLength needs the management API.</summary>
internal enum RabbitMqMode
{
    /// <summary>Messages in the queue (ready plus unacknowledged over HTTP; ready only over AMQP).</summary>
    QueueLength,

    /// <summary>Publish rate, messages per second (message_stats.publish_details.rate).</summary>
    MessageRate,

    /// <summary>Delivery rate to consumers and basic.get, messages per second (message_stats.deliver_get_details.rate).</summary>
    DeliverGetRate,

    /// <summary>Publish rate divided by the delivery rate.</summary>
    PublishedToDeliveredRatio,

    /// <summary>Estimated seconds until the queue is consumed, from its length and both rates.</summary>
    ExpectedQueueConsumptionTime,
}
