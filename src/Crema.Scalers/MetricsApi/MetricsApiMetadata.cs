using Crema.Abstractions;
using Crema.Scalers.Http;

namespace Crema.Scalers.MetricsApi;

/// <summary>The typed metadata of a <c>metrics-api</c> trigger (KEDA's fields and defaults).</summary>
/// <param name="Url">The absolute http(s) URL requested with GET. Required.</param>
/// <param name="Format">How the response is read. Default json.</param>
/// <param name="ValueLocation">Where the value is, in the format's syntax. Required.</param>
/// <param name="Extractor">Reads the value at <paramref name="ValueLocation"/> from a response of <paramref name="Format"/>.</param>
/// <param name="TargetValue">Target per replica (AverageValue) or in total (Value); &gt; 0. Required.</param>
/// <param name="ActivationTargetValue">The source is active while the value is above this. Default 0.</param>
/// <param name="UnsafeSsl">Skip server certificate validation. Default false.</param>
/// <param name="Timeout">Per-request timeout. Default 3 s (KEDA's global HTTP timeout).</param>
/// <param name="Authentication">authModes (apiKey, basic, bearer, tls) and their parameters, and ca. Default none.</param>
internal sealed record MetricsApiMetadata(
    Uri Url,
    MetricsApiFormat Format,
    string ValueLocation,
    IValueExtractor Extractor,
    double TargetValue,
    double ActivationTargetValue,
    bool UnsafeSsl,
    TimeSpan Timeout,
    HttpAuthentication Authentication)
{
    /// <summary>The authModes KEDA's metrics-api sends (it also parses custom and oauth, but never sends them).</summary>
    public const HttpAuthModes AuthModes = HttpAuthModes.Basic | HttpAuthModes.Bearer | HttpAuthModes.Tls | HttpAuthModes.ApiKey;

    /// <summary>Default per-request timeout (KEDA's global HTTP timeout).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(3);

    /// <summary>The reading for a value: active above activationTargetValue (KEDA), compared with targetValue.</summary>
    public MetricReading ToReading(double value) => new(value, TargetValue, value > ActivationTargetValue);
}
