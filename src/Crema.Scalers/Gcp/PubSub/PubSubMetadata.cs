using Crema.Scalers.Gcp.Monitoring;

namespace Crema.Scalers.Gcp.PubSub;

/// <summary>
/// Bound metadata of a gcp-pubsub trigger. Defaults: mode SubscriptionSize
/// (num_undelivered_messages), value 10, activationValue 0, timeHorizon 2m (5m with aggregation).
/// </summary>
/// <param name="Kind">Subscription or topic.</param>
/// <param name="ResourceId">The short subscription or topic id.</param>
/// <param name="ProjectId">The project from the full name or projectId; null to resolve at run time.</param>
/// <param name="MetricType">The full metric type, e.g. pubsub.googleapis.com/subscription/num_undelivered_messages.</param>
/// <param name="Value">Target value per replica.</param>
/// <param name="ActivationValue">Active above this value.</param>
/// <param name="Aggregation">The aggregation as written (mean, percentile99...), or null.</param>
/// <param name="TimeHorizon">How far back to look for points.</param>
/// <param name="ValueIfNull">Value when no point is found; null makes that an error.</param>
/// <param name="Credentials">The identity to call Cloud Monitoring with.</param>
internal sealed record PubSubMetadata(
    PubSubResourceKind Kind,
    string ResourceId,
    string? ProjectId,
    string MetricType,
    double Value,
    double ActivationValue,
    PubSubAggregation? Aggregation,
    TimeSpan TimeHorizon,
    double? ValueIfNull,
    GcpCredentials Credentials);
