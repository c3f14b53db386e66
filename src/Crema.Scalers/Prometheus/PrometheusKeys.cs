using Crema.Abstractions;

namespace Crema.Scalers.Prometheus;

/// <summary>
/// Every key of a <c>prometheus</c> trigger, declared once with KEDA 2.20's names, sources and defaults
/// (pkg/scalers/prometheus_scaler.go, <c>prometheusMetadata</c>'s <c>keda:</c> tags). The authentication keys are
/// the shared <see cref="Http.HttpAuthKeys"/>.
/// </summary>
internal static class PrometheusKeys
{
    /// <summary>
    /// Base URL of the API. Required. KEDA reads it from metadata only; Crema also reads serverAddressFromEnv,
    /// as it always has (configs rely on it), and so for threshold.
    /// </summary>
    public static readonly MetadataKey ServerAddress = MetadataKey.Named("serverAddress").Required();

    /// <summary>The PromQL instant query. Required; metadata only.</summary>
    public static readonly MetadataKey Query = MetadataKey.Named("query").From(KeySource.TriggerMetadata).Required();

    /// <summary>Extra query-string parameters, <c>k=v,k2=v2</c>. Default none; metadata only.</summary>
    public static readonly MetadataKey QueryParameters = MetadataKey.Named("queryParameters").From(KeySource.TriggerMetadata);

    /// <summary>Target value, &gt; 0. Required; metadata, then thresholdFromEnv (Crema's addition, see <see cref="ServerAddress"/>).</summary>
    public static readonly MetadataKey Threshold = MetadataKey.Named("threshold").Required().Positive();

    /// <summary>Active above this value. Default 0; metadata only.</summary>
    public static readonly MetadataKey ActivationThreshold = MetadataKey.Named("activationThreshold").From(KeySource.TriggerMetadata).Default("0");

    /// <summary>Sent as the <c>namespace</c> query parameter. Default none; metadata only.</summary>
    public static readonly MetadataKey Namespace = MetadataKey.Named("namespace").From(KeySource.TriggerMetadata);

    /// <summary>Extra request headers, <c>k=v,k2=v2</c>. Default none; metadata only.</summary>
    public static readonly MetadataKey CustomHeaders = MetadataKey.Named("customHeaders").From(KeySource.TriggerMetadata);

    /// <summary>An empty result, NaN or Inf reads as 0. Default true; metadata only.</summary>
    public static readonly MetadataKey IgnoreNullValues = MetadataKey.Named("ignoreNullValues").From(KeySource.TriggerMetadata).Default("true");

    /// <summary>Skip server certificate validation. Default false; metadata only.</summary>
    public static readonly MetadataKey UnsafeSsl = MetadataKey.Named("unsafeSsl").From(KeySource.TriggerMetadata).Default("false");

    /// <summary>Per-request timeout, Go duration or integer milliseconds; 0 means the default (3 s). Metadata only.</summary>
    public static readonly MetadataKey Timeout = MetadataKey.Named("timeout").From(KeySource.TriggerMetadata);

    /// <summary>
    /// KEDA 2.15 removed cortexOrgID (kedacore/keda#5990) and 2.20 ignores it, so it is accepted and ignored,
    /// with a warning naming its replacement, rather than an error KEDA would not raise.
    /// </summary>
    public static readonly MetadataKey CortexOrgId = MetadataKey.Named("cortexOrgID").From(KeySource.TriggerMetadata)
        .Deprecated("KEDA removed it and ignores it, and so does Crema: send the tenant with customHeaders: X-Scope-OrgID=<tenant>");
}
