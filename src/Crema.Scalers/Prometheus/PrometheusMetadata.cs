using Crema.Abstractions;
using Crema.Scalers.Http;

namespace Crema.Scalers.Prometheus;

/// <summary>The typed metadata of a <c>prometheus</c> trigger (KEDA's fields and defaults).</summary>
/// <param name="ServerAddress">Base URL of the Prometheus API, without a trailing slash. Required.</param>
/// <param name="Query">The PromQL instant query; it must return one series or a scalar. Required.</param>
/// <param name="Threshold">Target value per replica (AverageValue) or in total (Value); &gt; 0. Required.</param>
/// <param name="ActivationThreshold">The source is active while the value is above this. Default 0.</param>
/// <param name="Namespace">Sent as the <c>namespace</c> query parameter (Thanos, Cortex tenancy). Default none.</param>
/// <param name="QueryParameters">Extra query-string parameters. Default none.</param>
/// <param name="CustomHeaders">Extra request headers. Default none.</param>
/// <param name="IgnoreNullValues">Read an empty result, NaN or Inf as 0 instead of an error. Default true.</param>
/// <param name="UnsafeSsl">Skip server certificate validation. Default false.</param>
/// <param name="Timeout">Per-request timeout. Default 3 s.</param>
/// <param name="Authentication">authModes and their parameters. Default none.</param>
/// <param name="UseGoogleIdentity">Send a Google OAuth token (monitoring.read): podIdentity gcp, or Google's managed Prometheus address, without authModes.</param>
internal sealed record PrometheusMetadata(
    string ServerAddress,
    string Query,
    double Threshold,
    double ActivationThreshold,
    string? Namespace,
    IReadOnlyDictionary<string, string> QueryParameters,
    IReadOnlyDictionary<string, string> CustomHeaders,
    bool IgnoreNullValues,
    bool UnsafeSsl,
    TimeSpan Timeout,
    HttpAuthentication Authentication,
    bool UseGoogleIdentity)
{
    /// <summary>The authModes KEDA applies to Prometheus requests (it parses apiKey and oauth but never sends them).</summary>
    public const HttpAuthModes AuthModes = HttpAuthModes.Basic | HttpAuthModes.Bearer | HttpAuthModes.Tls | HttpAuthModes.Custom;

    /// <summary>Default per-request timeout (KEDA's global HTTP timeout).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(3);

    /// <summary>The reading for a query result: active above activationThreshold (KEDA), compared with threshold.</summary>
    public MetricReading ToReading(double value) => new(value, Threshold, value > ActivationThreshold);
}
