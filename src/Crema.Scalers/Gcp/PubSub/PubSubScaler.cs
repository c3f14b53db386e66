using Crema.Abstractions;
using Crema.Scalers.Gcp.Monitoring;

namespace Crema.Scalers.Gcp.PubSub;

/// <summary>
/// Reads a Pub/Sub metric of one subscription or topic with Cloud Monitoring timeSeries.list over
/// [now - timeHorizon, now] and scales on the newest point.
/// </summary>
internal sealed class PubSubScaler : IScaler
{
    private readonly PubSubMetadata metadata;
    private readonly MonitoringClient client;
    private readonly ScalerContext context;
    private string? projectId;

    public PubSubScaler(PubSubMetadata metadata, MonitoringClient client, ScalerContext context)
    {
        this.metadata = metadata;
        this.client = client;
        this.context = context;
        projectId = metadata.ProjectId;
    }

    /// <inheritdoc />
    public async ValueTask<MetricReading> ReadAsync(CancellationToken cancellationToken)
    {
        var kind = metadata.Kind == PubSubResourceKind.Subscription ? "subscription" : "topic";
        projectId ??= await GcpProjectResolver.ResolveAsync(
            null, metadata.Credentials, context, $"write the {kind} as projects/PROJECT/{kind}s/NAME or set projectId", cancellationToken)
            .ConfigureAwait(false);
        var now = context.TimeProvider.GetUtcNow();
        var query = new TimeSeriesQuery(projectId, BuildFilter(projectId), now - metadata.TimeHorizon, now, metadata.Aggregation?.Parameters);
        var list = await client.ListTimeSeriesAsync(query, cancellationToken).ConfigureAwait(false);
        var rules = new ReadingRules(
            metadata.Value,
            metadata.ActivationValue,
            metadata.ValueIfNull,
            $"No Cloud Monitoring data for {metadata.MetricType} of {kind} '{metadata.ResourceId}' in project '{projectId}' " +
            $"in the last {DurationText.Format(metadata.TimeHorizon)} (Cloud Monitoring lags 1-3 minutes and has no points " +
            $"for a {kind} that is new or idle; a timeHorizon of 5m rides out the lag).",
            metadata.Aggregation?.ValueOf ?? ReadingRules.NumberOrMean);
        return MonitoringReadings.ToReading(list, rules, now);
    }

    /// <summary>The timeSeries.list filter for a project (exposed for tests).</summary>
    public string BuildFilter(string project)
    {
        var (resourceType, idLabel) = metadata.Kind == PubSubResourceKind.Subscription
            ? ("pubsub_subscription", "subscription_id")
            : ("pubsub_topic", "topic_id");
        return MonitoringFilter.And(
            MonitoringFilter.Equal("metric.type", metadata.MetricType),
            MonitoringFilter.Equal("resource.type", resourceType),
            MonitoringFilter.Equal("resource.labels.project_id", project),
            MonitoringFilter.Equal("resource.labels." + idLabel, metadata.ResourceId));
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
