using Crema.Abstractions;
using Crema.Scalers.Gcp.Monitoring;

namespace Crema.Scalers.Gcp.Stackdriver;

/// <summary>
/// Reads the newest point of the first series matching the trigger's filter over
/// [now - filterDuration, now]. As KEDA does, the filter is narrowed to the trigger's project.
/// </summary>
internal sealed class StackdriverScaler : IScaler
{
    private readonly StackdriverMetadata metadata;
    private readonly MonitoringClient client;
    private readonly ScalerContext context;

    public StackdriverScaler(StackdriverMetadata metadata, MonitoringClient client, ScalerContext context)
    {
        this.metadata = metadata;
        this.client = client;
        this.context = context;
    }

    /// <summary>The filter sent to the API (exposed for tests).</summary>
    public string Filter => MonitoringFilter.And(metadata.Filter, MonitoringFilter.Equal("resource.labels.project_id", metadata.ProjectId));

    /// <inheritdoc />
    public async ValueTask<MetricReading> ReadAsync(CancellationToken cancellationToken)
    {
        var now = context.TimeProvider.GetUtcNow();
        var query = new TimeSeriesQuery(metadata.ProjectId, Filter, now - metadata.FilterDuration, now, metadata.Aggregation);
        var list = await client.ListTimeSeriesAsync(query, cancellationToken).ConfigureAwait(false);
        var rules = new ReadingRules(
            metadata.TargetValue,
            metadata.ActivationTargetValue,
            metadata.ValueIfNull,
            $"No Cloud Monitoring data in project '{metadata.ProjectId}' for filter [{metadata.Filter}] in the last " +
            $"{DurationText.Format(metadata.FilterDuration)} (Cloud Monitoring lags 1-3 minutes; a filterDuration of 5 rides out the lag).",
            ReadingRules.NumberOrMean);
        return MonitoringReadings.ToReading(list, rules, now);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
