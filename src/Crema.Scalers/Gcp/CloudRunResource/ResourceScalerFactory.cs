using Crema.Abstractions;
using Crema.Scalers.Gcp.Monitoring;

namespace Crema.Scalers.Gcp.CloudRunResource;

/// <summary>
/// The <c>cpu</c> and <c>memory</c> triggers (one factory per type): the target's own average utilization, in
/// percent of each instance's limit, against <c>value</c> with <c>metricType: Utilization</c>. KEDA hands these to
/// the HPA as Resource metrics read from the metrics server; on Cloud Run the figure comes from Cloud Monitoring.
/// The rules around them (metricType, no scale to zero alone, no fallback, no activation) are the config validator's
/// and the engine's, since they concern the scaled object rather than the metadata.
/// </summary>
internal sealed class ResourceScalerFactory : ScalerFactory<ResourceMetadata>
{
    private readonly string type;

    /// <param name="type"><c>cpu</c> or <c>memory</c>.</param>
    public ResourceScalerFactory(string type) => this.type = type;

    /// <summary>Both types.</summary>
    public static IReadOnlyList<ResourceScalerFactory> All { get; } = [new("cpu"), new("memory")];

    /// <inheritdoc />
    public override string Type => type;

    /// <inheritdoc />
    public override string Description => $"the Cloud Run target's own {(type == "cpu" ? "CPU" : "memory")} utilization (Cloud Monitoring)";

    /// <inheritdoc />
    public override string DocumentationPage => "cpu-memory";

    /// <inheritdoc />
    protected override ResourceMetadata Bind(MetadataBinder binder)
    {
        binder.String(ResourceKeys.Type);
        if (binder.String(ResourceKeys.ContainerName) is { Length: > 0 } container && container.Trim().Length > 0)
        {
            binder.Fail(ResourceKeys.ContainerName,
                $"cannot select container \"{container}\": Crema reads the utilization Cloud Run reports for the target's instances " +
                "(every container of an instance together, against the instance's limit); remove containerName");
        }
        var target = 0;
        if (binder.Context.MetricType == MetricType.Utilization)
        {
            // KEDA parses it as an int32 (strconv.ParseInt) and the HPA wants averageUtilization > 0.
            target = binder.Int(ResourceKeys.Value, required: true, min: 1);
        }
        else
        {
            // Another metricType is the config validator's error; value is still required, as in KEDA.
            binder.RequiredString(ResourceKeys.Value);
        }
        return new ResourceMetadata(type, target, CloudRunTarget.Parse(binder.Context.ScaleTargetName));
    }

    /// <inheritdoc />
    protected override MetricReading ToReading(ResourceMetadata metadata, double value) => metadata.ToReading(value);

    /// <inheritdoc />
    protected override IScaler Create(ResourceMetadata metadata, ScalerContext context) =>
        new ResourceScaler(metadata, MonitoringClientPool.Get(context, GcpCredentials.DaemonIdentity), context);
}
