namespace Crema.Tests.Scalers.Prometheus;

/// <summary>One request received by <see cref="StubPrometheusApi"/>.</summary>
internal sealed record HttpRequestRecord(
    string Path,
    string QueryString,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers);
