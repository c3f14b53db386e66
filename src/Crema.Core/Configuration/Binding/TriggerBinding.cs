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
        var type = reader.RequiredString("type");
        return new Trigger
        {
            Type = type,
            Name = reader.String("name"),
            Metadata = reader.StringMap("metadata"),
            MetricType = BindMetricType(reader, allowUtilization: ResourceTriggers.IsResource(type)),
            AuthenticationRef = authRef is null ? null : new AuthenticationRef { Name = authRef.RequiredString("name"), Kind = authRef.String("kind") },
            UseCachedMetrics = reader.Bool("useCachedMetrics") ?? false,
        };
    }

    /// <summary>
    /// metricType, with KEDA's explanation for Utilization, which only the resource triggers (cpu, memory) accept
    /// (hpa.go: "Utilization ... needs to be AverageValue or Value for external metrics").
    /// </summary>
    public static MetricType? BindMetricType(MappingReader reader, bool allowUtilization = false)
    {
        // Only cpu/memory list Utilization among the choices; everywhere else it is the error below.
        var value = reader.Enum<MetricType>("metricType", explain: allowUtilization
            ? null
            : static text => $"\"{BindContext.Shorten(text)}\" is not valid; expected one of AverageValue, Value");
        if (value == MetricType.Utilization && !allowUtilization)
        {
            reader.Error("metricType", "Utilization is not supported for external metrics; use AverageValue or Value");
            return null;
        }
        return value;
    }
}
