namespace Crema.Scalers.MetricsApi;

/// <summary>Builds the extractor of a format for a valueLocation, once, when the trigger is bound.</summary>
internal static class ValueExtractors
{
    /// <summary>The extractor, or null and why valueLocation cannot be read in that format.</summary>
    public static IValueExtractor? Create(MetricsApiFormat format, string location, out string? error) => format switch
    {
        MetricsApiFormat.Xml => XmlValueExtractor.Create(location, out error),
        MetricsApiFormat.Yaml => YamlValueExtractor.Create(location, out error),
        MetricsApiFormat.Prometheus => PrometheusValueExtractor.Create(location, out error),
        _ => JsonValueExtractor.Create(location, out error),
    };
}
