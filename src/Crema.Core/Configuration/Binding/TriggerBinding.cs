using Crema.Abstractions;
using Crema.Core.Configuration.Yaml;

namespace Crema.Core.Configuration.Binding;

/// <summary>Binds one <c>triggers[]</c> item. Metadata values are strings; plain numbers and booleans are taken as their text.</summary>
internal static class TriggerBinding
{
    public static Trigger Bind(BindContext context, ConfigNode node, string path)
    {
        var reader = context.Mapping(node, path, FieldNames.Of<Trigger>());
        var authRef = reader.Child("authenticationRef", FieldNames.Of<AuthenticationRef>());
        return new Trigger
        {
            Type = reader.RequiredString("type"),
            Name = reader.String("name"),
            Metadata = reader.StringMap("metadata"),
            MetricType = BindMetricType(reader),
            AuthenticationRef = authRef is null ? null : new AuthenticationRef { Name = authRef.RequiredString("name"), Kind = authRef.String("kind") },
            UseCachedMetrics = reader.Bool("useCachedMetrics") ?? false,
        };
    }

    /// <summary>metricType, with KEDA's explanation for Utilization.</summary>
    public static MetricType? BindMetricType(MappingReader reader) =>
        reader.Enum<MetricType>("metricType", explain: static value =>
            string.Equals(value, "Utilization", StringComparison.OrdinalIgnoreCase)
                ? "Utilization is not supported for external metrics; use AverageValue or Value"
                : null);
}
