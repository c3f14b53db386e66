namespace Crema.Scalers.Gcp.PubSub;

/// <summary>What a gcp-pubsub trigger watches.</summary>
internal enum PubSubResourceKind
{
    /// <summary>A subscription (<c>subscriptionName</c>; resource type pubsub_subscription).</summary>
    Subscription,

    /// <summary>A topic (<c>topicName</c>; resource type pubsub_topic).</summary>
    Topic,
}
