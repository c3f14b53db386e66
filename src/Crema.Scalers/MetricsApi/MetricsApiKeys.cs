using Crema.Abstractions;

namespace Crema.Scalers.MetricsApi;

/// <summary>
/// Every key of a <c>metrics-api</c> trigger, declared once with KEDA 2.20's names, sources (all
/// <c>order=triggerMetadata</c>: no <c>keyFromEnv</c>) and defaults (pkg/scalers/metrics_api_scaler.go).
/// The authentication keys are the shared ones of <see cref="Http.HttpAuthKeys"/>.
/// </summary>
internal static class MetricsApiKeys
{
    /// <summary>The full URL requested with GET. Required.</summary>
    public static readonly MetadataKey Url = MetadataKey.Named("url").From(KeySource.TriggerMetadata).Required();

    /// <summary>json, xml, yaml or prometheus. Default json.</summary>
    public static readonly MetadataKey Format = MetadataKey.Named("format").From(KeySource.TriggerMetadata)
        .Default("json").OneOf("json", "xml", "yaml", "prometheus");

    /// <summary>Where the value is in the response, in the format's path syntax. Required.</summary>
    public static readonly MetadataKey ValueLocation = MetadataKey.Named("valueLocation").From(KeySource.TriggerMetadata).Required();

    /// <summary>Target value per replica (AverageValue) or in total (Value); &gt; 0. Required.</summary>
    public static readonly MetadataKey TargetValue = MetadataKey.Named("targetValue").From(KeySource.TriggerMetadata).Required().Positive();

    /// <summary>Active while the value is above this. Default 0.</summary>
    public static readonly MetadataKey ActivationTargetValue = MetadataKey.Named("activationTargetValue").From(KeySource.TriggerMetadata).Default("0");

    /// <summary>Skip server certificate validation. Default false.</summary>
    public static readonly MetadataKey UnsafeSsl = MetadataKey.Named("unsafeSsl").From(KeySource.TriggerMetadata).Default("false");

    /// <summary>Query every endpoint behind a Kubernetes Service. Default false; true is an error (no Kubernetes API).</summary>
    public static readonly MetadataKey AggregateFromKubeServiceEndpoints =
        MetadataKey.Named("aggregateFromKubeServiceEndpoints").From(KeySource.TriggerMetadata).Default("false");

    /// <summary>average, sum, max or min, for the endpoint aggregation. Default average; checked, otherwise unused.</summary>
    public static readonly MetadataKey AggregationType = MetadataKey.Named("aggregationType").From(KeySource.TriggerMetadata)
        .Default("average").OneOf("average", "sum", "max", "min");

    /// <summary>Per-request timeout: Go duration or integer milliseconds, &gt;= 0; 0 or absent means 3 s.</summary>
    public static readonly MetadataKey Timeout = MetadataKey.Named("timeout").From(KeySource.TriggerMetadata);
}
