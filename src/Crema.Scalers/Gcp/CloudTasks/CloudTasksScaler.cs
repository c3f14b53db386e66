using Crema.Abstractions;
using Crema.Scalers.Gcp.Monitoring;

namespace Crema.Scalers.Gcp.CloudTasks;

/// <summary>Reads a Cloud Tasks queue's depth (tasks in the queue) from Cloud Monitoring.</summary>
internal sealed class CloudTasksScaler : IScaler
{
    /// <summary>The metric read.</summary>
    public const string MetricType = "cloudtasks.googleapis.com/queue/depth";

    private readonly CloudTasksMetadata metadata;
    private readonly MonitoringClient client;
    private readonly ScalerContext context;

    public CloudTasksScaler(CloudTasksMetadata metadata, MonitoringClient client, ScalerContext context)
    {
        this.metadata = metadata;
        this.client = client;
        this.context = context;
    }

    /// <summary>The filter sent to the API (exposed for tests).</summary>
    public string Filter
    {
        get
        {
            var clauses = new List<string>
            {
                MonitoringFilter.Equal("metric.type", MetricType),
                MonitoringFilter.Equal("resource.labels.project_id", metadata.ProjectId),
                MonitoringFilter.Equal("resource.labels.queue_id", metadata.QueueId),
            };
            if (metadata.Location is { } location)
            {
                clauses.Add(MonitoringFilter.Equal("resource.labels.location", location));
            }
            return MonitoringFilter.And([.. clauses]);
        }
    }

    /// <inheritdoc />
    public async ValueTask<MetricReading> ReadAsync(CancellationToken cancellationToken)
    {
        var now = context.TimeProvider.GetUtcNow();
        var query = new TimeSeriesQuery(metadata.ProjectId, Filter, now - metadata.FilterDuration, now);
        var list = await client.ListTimeSeriesAsync(query, cancellationToken).ConfigureAwait(false);
        var rules = new ReadingRules(
            metadata.Value,
            metadata.ActivationValue,
            metadata.ValueIfNull,
            $"No Cloud Monitoring data for {MetricType} of queue '{metadata.QueueId}' in project '{metadata.ProjectId}' " +
            $"in the last {DurationText.Format(metadata.FilterDuration)} (Cloud Monitoring lags 1-3 minutes; a filterDuration of 5 rides out the lag).",
            ReadingRules.NumberOrMean);
        return MonitoringReadings.ToReading(list, rules, now);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
