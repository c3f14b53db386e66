namespace Crema.Scalers.MetricsApi;

/// <summary><c>format: prometheus</c>: valueLocation is a metric selector, the body a text exposition (a /metrics page).</summary>
internal sealed class PrometheusValueExtractor : IValueExtractor
{
    private readonly string location;
    private readonly PrometheusSelector selector;

    private PrometheusValueExtractor(string location, PrometheusSelector selector)
    {
        this.location = location;
        this.selector = selector;
    }

    public string Format => "prometheus";

    public static PrometheusValueExtractor? Create(string location, out string? error) => PrometheusSelector.Parse(location, out error) is { } selector
        ? new PrometheusValueExtractor(location, selector)
        : null;

    public double Extract(ReadOnlyMemory<byte> body) => PrometheusTextFormat.Find(ValueText.Decode(body), selector, location);

    public override string ToString() => $"prometheus {selector}";
}
