using Crema.Abstractions;
using Crema.Scalers.Gcp.Monitoring;

namespace Crema.Scalers.Gcp.PubSub;

/// <summary>
/// The <c>gcp-pubsub</c> trigger: a subscription's or topic's Pub/Sub metric from Cloud Monitoring
/// (default num_undelivered_messages, target 10 per replica).
/// </summary>
internal sealed class PubSubScalerFactory : ScalerFactory<PubSubMetadata>
{
    private const string MetricPrefix = "pubsub.googleapis.com/";

    /// <inheritdoc />
    public override string Type => "gcp-pubsub";

    /// <inheritdoc />
    public override string Description => "a Pub/Sub subscription or topic metric";

    /// <inheritdoc />
    protected override PubSubMetadata Bind(MetadataBinder binder)
    {
        var (kind, id, projectFromName) = BindResource(binder);
        var projectId = BindProject(binder, projectFromName);

        var mode = binder.String(PubSubKeys.Mode) ?? "SubscriptionSize";
        if (!PubSubNames.IsValidMode(mode))
        {
            binder.Fail(PubSubKeys.Mode, $"\"{mode}\" is not a Pub/Sub metric name in CamelCase (for example SubscriptionSize or OldestUnackedMessageAge)");
        }
        var collection = kind == PubSubResourceKind.Subscription ? "subscription" : "topic";
        var metricType = MetricPrefix + collection + "/" + PubSubNames.MetricName(mode);
        // Topics have no num_undelivered_messages: KEDA queries it anyway and fails every poll with
        // "could not find stackdriver metric" (KEDA #5429). Say so once, at validation.
        binder.Check(kind != PubSubResourceKind.Topic || PubSubNames.MetricName(mode) != "num_undelivered_messages", PubSubKeys.Mode,
            "must name a topic metric with topicName (for example SendMessageOperationCount or MessageSizes): " +
            "topics have no num_undelivered_messages; for a backlog use the subscription's subscriptionName");

        // Read only to report it: KEDA 2.20 rejects it (its deprecated= tag).
        binder.String(PubSubKeys.SubscriptionSize);
        var value = binder.Double(PubSubKeys.Value, 10);
        var activationValue = binder.Double(PubSubKeys.ActivationValue);

        PubSubAggregation? aggregation = null;
        if (binder.String(PubSubKeys.Aggregation) is { Length: > 0 } aggregationName)
        {
            aggregation = PubSubAggregation.Parse(aggregationName);
            if (aggregation is null)
            {
                binder.Fail(PubSubKeys.Aggregation, $"\"{aggregationName}\" is not one of: {PubSubAggregation.Accepted}");
            }
        }
        var defaultHorizon = binder.Has(PubSubKeys.Aggregation) ? TimeSpan.FromMinutes(5) : TimeSpan.FromMinutes(2);
        var timeHorizon = binder.Duration(PubSubKeys.TimeHorizon, defaultHorizon, min: TimeSpan.FromMinutes(1));
        double? valueIfNull = binder.Has(PubSubKeys.ValueIfNull) ? binder.Double(PubSubKeys.ValueIfNull) : null;
        var credentials = GcpCredentialBinder.Bind(binder);
        return new PubSubMetadata(kind, id, projectId, metricType, value, activationValue, aggregation, timeHorizon, valueIfNull, credentials);
    }

    /// <inheritdoc />
    protected override MetricReading ToReading(PubSubMetadata metadata, double value) =>
        new(value, metadata.Value, value > metadata.ActivationValue);

    /// <inheritdoc />
    protected override IScaler Create(PubSubMetadata metadata, ScalerContext context) =>
        new PubSubScaler(metadata, MonitoringClientPool.Get(context, metadata.Credentials), context);

    private static (PubSubResourceKind Kind, string Id, string? Project) BindResource(MetadataBinder binder)
    {
        var hasSubscription = binder.Has(PubSubKeys.SubscriptionName);
        var hasTopic = binder.Has(PubSubKeys.TopicName);
        if (hasSubscription == hasTopic)
        {
            // KEDA's rule and wording (pubsubMetadata.Validate).
            binder.Fail(hasSubscription ? PubSubKeys.TopicName : PubSubKeys.SubscriptionName, "exactly one of subscriptionName and topicName must be given");
            return (PubSubResourceKind.Subscription, string.Empty, null);
        }
        var key = hasSubscription ? PubSubKeys.SubscriptionName : PubSubKeys.TopicName;
        var kind = hasSubscription ? PubSubResourceKind.Subscription : PubSubResourceKind.Topic;
        var name = binder.String(key) ?? string.Empty;
        if (name.Length == 0)
        {
            // Empty while validating a value from the environment: only its presence can be checked.
            if (!binder.Context.ValidationOnly)
            {
                binder.Fail(key, "is empty");
            }
            return (kind, string.Empty, null);
        }
        string? project = null;
        var id = name;
        if (PubSubNames.TryParseFullName(name, out var fromName, out var collection, out var shortId))
        {
            var expected = hasSubscription ? "subscriptions" : "topics";
            if (collection != expected)
            {
                binder.Fail(key, $"\"{name}\" names {collection}, not {expected}");
            }
            project = fromName;
            id = shortId;
        }
        else if (name.Contains('/', StringComparison.Ordinal))
        {
            binder.Fail(key, $"\"{name}\" is neither a short name nor projects/PROJECT/{(hasSubscription ? "subscriptions" : "topics")}/NAME");
            return (kind, string.Empty, null);
        }
        if (PubSubNames.ProblemWithId(id) is { } problem)
        {
            binder.Fail(key, problem);
        }
        return (kind, id, project);
    }

    // projectId is a Crema extension for short names; KEDA takes the project from the full name or the key.
    private static string? BindProject(MetadataBinder binder, string? projectFromName)
    {
        var explicitProject = binder.String(PubSubKeys.ProjectId);
        if (string.IsNullOrEmpty(explicitProject))
        {
            return projectFromName;
        }
        if (projectFromName is not null && projectFromName != explicitProject)
        {
            binder.Fail(PubSubKeys.ProjectId, $"\"{explicitProject}\" differs from the project \"{projectFromName}\" of the full resource name");
        }
        return explicitProject;
    }
}
