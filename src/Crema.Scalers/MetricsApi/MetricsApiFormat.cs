namespace Crema.Scalers.MetricsApi;

/// <summary>How a metrics-api response is read (KEDA's <c>format</c>). Default <see cref="Json"/>.</summary>
internal enum MetricsApiFormat
{
    /// <summary>JSON; valueLocation is a GJSON path.</summary>
    Json,

    /// <summary>XML; valueLocation is a dotted path below the root element.</summary>
    Xml,

    /// <summary>YAML; valueLocation is a dotted path of keys and indexes.</summary>
    Yaml,

    /// <summary>Prometheus text exposition; valueLocation is a metric selector.</summary>
    Prometheus,
}
