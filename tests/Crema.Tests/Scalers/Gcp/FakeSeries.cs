namespace Crema.Tests.Scalers.Gcp;

/// <summary>
/// One time series held by <see cref="FakeMonitoringServer"/>: explicit points, and optionally a
/// live value that is reported as a fresh point on every request (like a gauge Pub/Sub writes each minute).
/// </summary>
internal sealed class FakeSeries
{
    public required string MetricType { get; init; }
    public required string ResourceType { get; init; }
    public required IReadOnlyDictionary<string, string> ResourceLabels { get; init; }
    public IReadOnlyDictionary<string, string> MetricLabels { get; init; } = new Dictionary<string, string>();
    public string MetricKind { get; init; } = "GAUGE";

    /// <summary>INT64, DOUBLE or DISTRIBUTION; decides how values are written.</summary>
    public string ValueType { get; init; } = "INT64";

    /// <summary>Explicit points (any order; written newest first).</summary>
    public List<(DateTimeOffset EndTime, double Value)> Points { get; } = [];

    /// <summary>For DISTRIBUTION series: how many values each point's distribution holds (its mean is the point's value). Default 1.</summary>
    public long SampleCount { get; set; } = 1;

    /// <summary>A live value reported at the request time (minus the server's lag), or null.</summary>
    public double? LiveValue { get; set; }
}
