namespace Crema.Scalers.RabbitMq;

/// <summary>KEDA's GetMetricsAndActivity: the metric of each mode and when the trigger is active.</summary>
internal static class RabbitMqMetric
{
    /// <summary>The metric value and activity for <paramref name="stats"/> (whose Messages already honours excludeUnacknowledged).</summary>
    public static (double Value, bool IsActive) Compute(RabbitMqMode mode, RabbitMqQueueStats stats, double activationValue)
    {
        double messages = stats.Messages;
        var publish = stats.PublishRate;
        var deliver = stats.DeliverGetRate;
        switch (mode)
        {
            case RabbitMqMode.MessageRate:
                // A backlog keeps the trigger active even when nothing is being published.
                return (publish, publish > activationValue || messages > activationValue);
            case RabbitMqMode.DeliverGetRate:
                return (deliver, deliver > activationValue);
            case RabbitMqMode.PublishedToDeliveredRatio:
            {
                var ratio = publish > 0 && deliver == 0 ? activationValue
                    : publish > 0 && deliver > 0 ? publish / deliver
                    : 0;
                // Publishing with nobody consuming must start consumers.
                return (ratio, ratio > activationValue || (publish > 0 && deliver == 0));
            }
            case RabbitMqMode.ExpectedQueueConsumptionTime:
            {
                var eta = messages == 0 ? 0
                    : deliver == 0 ? activationValue
                    : ((publish - deliver) / deliver) + (messages / deliver);
                // A backlog nobody consumes cannot be estimated, but must start consumers (KEDA #8033: an empty queue is idle).
                return (eta, eta > activationValue || (deliver == 0 && messages > 0));
            }
            default:
                return (messages, messages > activationValue);
        }
    }
}
