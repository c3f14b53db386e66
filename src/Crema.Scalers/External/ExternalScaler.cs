using System.Globalization;
using Crema.Abstractions;
using Crema.Scalers.External.Protocol;

namespace Crema.Scalers.External;

/// <summary>
/// The <c>external</c> trigger: each read calls GetMetricSpec, then GetMetrics for each spec, then
/// IsActive on a KEDA external scaler. Each call has its own deadline (default 10 s). Owns its
/// client: disposing returns the shared channel.
/// </summary>
internal sealed class ExternalScaler : IScaler
{
    /// <summary>Deadline of each unary call.</summary>
    public static readonly TimeSpan DefaultCallDeadline = TimeSpan.FromSeconds(10);

    private readonly ExternalScalerClient client;
    private readonly TimeSpan callDeadline;

    public ExternalScaler(ExternalScalerClient client, ScaledObjectRef reference, TimeSpan callDeadline)
    {
        this.client = client;
        Reference = reference;
        this.callDeadline = callDeadline;
    }

    /// <summary>What is sent to the server: the scaled object's name, an empty namespace, the metadata.</summary>
    public ScaledObjectRef Reference { get; }

    public static ScaledObjectRef CreateReference(ExternalMetadata metadata, ScalerContext context)
    {
        // Crema has no namespaces; KEDA would send the ScaledObject's Kubernetes namespace.
        var reference = new ScaledObjectRef { Name = context.ScaledObjectName, Namespace = string.Empty };
        foreach (var (key, value) in metadata.ScalerMetadata)
        {
            reference.ScalerMetadata[key] = value;
        }
        return reference;
    }

    public async ValueTask<MetricReading> ReadAsync(CancellationToken cancellationToken)
    {
        var specs = await client.GetMetricSpecAsync(Reference, callDeadline, cancellationToken).ConfigureAwait(false);
        if (specs.MetricSpecs.Count == 0)
        {
            throw new InvalidOperationException($"external scaler at {client.Address}: GetMetricSpec returned no metric specs");
        }
        // KEDA gives the HPA one metric per spec and the HPA follows whichever asks for the most
        // replicas; with one reading per trigger, that is the spec with the highest value/target.
        (string Name, double Value, double Target)? chosen = null;
        foreach (var spec in specs.MetricSpecs)
        {
            var target = TargetOf(spec, client.Address);
            var value = await ReadMetricAsync(spec.MetricName, cancellationToken).ConfigureAwait(false);
            if (chosen is null || value / target > chosen.Value.Value / chosen.Value.Target)
            {
                chosen = (spec.MetricName, value, target);
            }
        }
        var isActive = await client.IsActiveAsync(Reference, callDeadline, cancellationToken).ConfigureAwait(false);
        var (name, metricValue, metricTarget) = chosen!.Value;
        return new MetricReading(metricValue, metricTarget, isActive)
        {
            Note = specs.MetricSpecs.Count > 1
                ? string.Create(CultureInfo.InvariantCulture, $"metric \"{name}\", the highest of {specs.MetricSpecs.Count} metric specs relative to its target")
                : null,
        };
    }

    /// <summary>
    /// The sum of every value returned, as the HPA sums the items of an external metric. Each value is
    /// metricValueFloat when positive, else the deprecated integer metricValue (KEDA's rule).
    /// </summary>
    private async Task<double> ReadMetricAsync(string metricName, CancellationToken cancellationToken)
    {
        var request = new GetMetricsRequest { ScaledObjectRef = Reference, MetricName = metricName };
        var response = await client.GetMetricsAsync(request, callDeadline, cancellationToken).ConfigureAwait(false);
        return ValueOf(response, metricName, client.Address);
    }

    /// <summary>A spec's target: targetSizeFloat when positive, else targetSize; throws when neither is.</summary>
    internal static double TargetOf(MetricSpec spec, Uri address)
    {
        var target = spec.TargetSizeFloat > 0 ? spec.TargetSizeFloat : spec.TargetSize;
        return target > 0
            ? target
            : throw new InvalidOperationException(
                $"external scaler at {address}: metric spec \"{UntrustedText.Escape(spec.MetricName)}\" has no positive target (targetSizeFloat and targetSize are 0)");
    }

    /// <summary>The sum of a GetMetrics reply's values (see <see cref="ReadMetricAsync"/>); throws when it has none.</summary>
    internal static double ValueOf(GetMetricsResponse response, string metricName, Uri address)
    {
        if (response.MetricValues.Count == 0)
        {
            throw new InvalidOperationException($"external scaler at {address}: GetMetrics returned no values for metric \"{UntrustedText.Escape(metricName)}\"");
        }
        return response.MetricValues.Sum(v => v.MetricValueFloat > 0 ? v.MetricValueFloat : v.MetricValue_);
    }

    public ValueTask DisposeAsync()
    {
        client.Dispose();
        return ValueTask.CompletedTask;
    }
}
