using System.Globalization;
using Crema.Abstractions;
using Crema.Scalers.Gcp.Monitoring;

namespace Crema.Scalers.Gcp.CloudRunResource;

/// <summary>
/// Reads the Cloud Run target's own average CPU or memory utilization from Cloud Monitoring (see
/// <see cref="UtilizationQuery"/>), as the daemon's identity. No data is an error, never 0 %: a pool whose metrics
/// have not arrived must not be scaled down for it.
/// </summary>
internal sealed class ResourceScaler : IScaler
{
    private readonly ResourceMetadata metadata;
    private readonly MonitoringClient client;
    private readonly ScalerContext context;

    public ResourceScaler(ResourceMetadata metadata, MonitoringClient client, ScalerContext context)
    {
        this.metadata = metadata;
        this.client = client;
        this.context = context;
    }

    /// <inheritdoc />
    public async ValueTask<MetricReading> ReadAsync(CancellationToken cancellationToken)
    {
        var target = metadata.Target ?? throw new InvalidOperationException(
            $"A {metadata.Resource} trigger measures the scale target, and scaleTargetRef.name \"{context.ScaleTargetName}\" is not a Cloud Run " +
            "service or worker pool name (projects/P/locations/L/services/N or .../workerPools/N).");
        var now = context.TimeProvider.GetUtcNow();
        var list = await client.ListTimeSeriesAsync(UtilizationQuery.Build(metadata.Resource, target, now), cancellationToken).ConfigureAwait(false);
        var sample = UtilizationQuery.Newest(list) ?? throw new InvalidOperationException(
            $"No {metadata.Resource} utilization in Cloud Monitoring for {target.Describe()} in the last " +
            $"{DurationText.Format(UtilizationQuery.Lookback)} ({UtilizationQuery.MetricType(metadata.Resource)}). Cloud Run samples each " +
            "minute and Cloud Monitoring shows a sample up to 3 minutes later; a target with no running instance reports none. " +
            "Crema does not read this as 0 %, so the target keeps its size.");
        var age = Math.Max(0, (now - sample.EndTime).TotalSeconds);
        return metadata.ToReading(sample.Percent) with
        {
            Note = string.Create(CultureInfo.InvariantCulture,
                $"mean of {sample.Samples} instance sample(s) in the minute ending {sample.EndTime:HH:mm:ss}Z, {age:0}s old"),
            Details = new Dictionary<string, double>
            {
                ["api_requests"] = list.Requests,
                ["samples"] = sample.Samples,
                ["point_age_seconds"] = age,
            },
        };
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
