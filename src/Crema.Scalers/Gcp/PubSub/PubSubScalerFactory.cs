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

        var mode = binder.String("mode", "SubscriptionSize")!.Trim();
        if (!PubSubNames.IsValidMode(mode))
        {
            binder.Fail("mode", $"\"{mode}\" is not a Pub/Sub metric name in CamelCase (for example SubscriptionSize or OldestUnackedMessageAge)");
        }
        var collection = kind == PubSubResourceKind.Subscription ? "subscription" : "topic";
        var metricType = MetricPrefix + collection + "/" + PubSubNames.MetricName(mode);
        // Topics have no num_undelivered_messages: KEDA queries it anyway and fails every poll with
        // "could not find stackdriver metric" (KEDA #5429). Say so once, at validation.
        var modeDeferred = binder.Context.ValidationOnly && !binder.Context.Metadata.ContainsKey("mode") && binder.Has("mode");
        binder.Check(kind != PubSubResourceKind.Topic || modeDeferred || PubSubNames.MetricName(mode) != "num_undelivered_messages", "mode",
            "must name a topic metric with topicName (for example SendMessageOperationCount or MessageSizes): " +
            "topics have no num_undelivered_messages; for a backlog use the subscription's subscriptionName");

        // subscriptionSize is KEDA's deprecated spelling of value; value wins when both are given.
        binder.Check(kind != PubSubResourceKind.Topic || !binder.Has("subscriptionSize"), "subscriptionSize", "cannot be used with topicName (use value)");
        var legacySize = binder.Has("subscriptionSize") ? binder.Double("subscriptionSize", 10, min: 0, minExclusive: true) : 10;
        var value = binder.Double("value", legacySize, min: 0, minExclusive: true);
        var activationValue = binder.Double("activationValue", 0);

        PubSubAggregation? aggregation = null;
        if (binder.String("aggregation") is { Length: > 0 } aggregationName)
        {
            aggregation = PubSubAggregation.Parse(aggregationName);
            if (aggregation is null)
            {
                binder.Fail("aggregation", $"\"{aggregationName}\" is not one of: {PubSubAggregation.Accepted}");
            }
        }
        var defaultHorizon = binder.Has("aggregation") ? TimeSpan.FromMinutes(5) : TimeSpan.FromMinutes(2);
        var timeHorizon = binder.Duration("timeHorizon", defaultHorizon, min: TimeSpan.FromMinutes(1));
        double? valueIfNull = binder.Has("valueIfNull") ? binder.Double("valueIfNull") : null;
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
        var hasSubscription = binder.Has("subscriptionName");
        var hasTopic = binder.Has("topicName");
        if (hasSubscription == hasTopic)
        {
            binder.Fail(hasSubscription ? "topicName" : "subscriptionName", "exactly one of subscriptionName and topicName must be given");
            return (PubSubResourceKind.Subscription, string.Empty, null);
        }
        var key = hasSubscription ? "subscriptionName" : "topicName";
        var kind = hasSubscription ? PubSubResourceKind.Subscription : PubSubResourceKind.Topic;
        var name = binder.String(key)?.Trim() ?? string.Empty;
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
        var key = binder.Has("projectId") || !binder.Has("projectID") ? "projectId" : "projectID";
        var explicitProject = binder.String(key)?.Trim();
        if (string.IsNullOrEmpty(explicitProject))
        {
            return projectFromName;
        }
        if (projectFromName is not null && projectFromName != explicitProject)
        {
            binder.Fail(key, $"\"{explicitProject}\" differs from the project \"{projectFromName}\" of the full resource name");
        }
        return explicitProject;
    }
}
