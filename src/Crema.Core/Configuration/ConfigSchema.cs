using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Crema.Core.Configuration.Binding;
using Crema.Core.Configuration.Schema;

namespace Crema.Core.Configuration;

/// <summary>
/// The JSON Schema (draft 2020-12) of Crema config files, generated from the config records so that it
/// matches what <see cref="ConfigLoader"/> accepts. Editors use it for completion and checks (docs/crema.schema.json).
/// </summary>
public static class ConfigSchema
{
    private const string DraftUri = "https://json-schema.org/draft/2020-12/schema";

    /// <summary>The schema as indented JSON text with "\n" line endings and no final newline; the same text on every call.</summary>
    public static string Generate()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            RespectNullableAnnotations = true,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
            Converters =
            {
                new JsonStringEnumConverter<FallbackBehavior>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
                new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false),
            },
        };
        var exporterOptions = new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true, TransformSchemaNode = Transform };
        var schema = (JsonObject)options.GetJsonSchemaAsNode(typeof(CremaConfig), exporterOptions);
        var root = new JsonObject
        {
            ["$schema"] = DraftUri,
            ["$id"] = "https://crema.dev/schema/crema.schema.json",
            ["title"] = "Crema config (crema/v1)",
        };
        foreach (var (key, value) in schema.ToList())
        {
            schema.Remove(key);
            root[key] = value;
        }
        RequireHeader(root);
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, NewLine = "\n" });
    }

    private static JsonNode Transform(JsonSchemaExporterContext context, JsonNode node)
    {
        // A repeated type is emitted once and referenced; keywords beside a "$ref" would constrain it twice.
        if (node is not JsonObject schema || schema.ContainsKey("$ref"))
        {
            return node;
        }
        if (context.TypeInfo.Type == typeof(IgnoredContent))
        {
            // Accepted for compatibility with any content, and ignored.
            return new JsonObject { ["type"] = new JsonArray("object", "null") };
        }
        if (context.TypeInfo.Kind == JsonTypeInfoKind.Object)
        {
            KeepOnlyFields(schema, context.TypeInfo.Type);
            schema["additionalProperties"] = false;
        }
        if (context.TypeInfo.Kind == JsonTypeInfoKind.Dictionary)
        {
            // Map values are strings, but plain numbers and booleans are taken as their text, as in CREMA.
            schema["additionalProperties"] = AnyScalar();
        }
        if (context.PropertyInfo is { } property)
        {
            // Numbers written as YAML numbers or as quantity strings ("50m").
            if ((property.DeclaringType == typeof(ScalingModifiers) && property.Name is "target" or "activationTarget")
                || (property.DeclaringType == typeof(HpaScalingRules) && property.Name == "tolerance"))
            {
                return AnyScalar();
            }
            var (minimum, maximum) = SchemaConstraints.For(property.DeclaringType, property.Name);
            if (minimum is not null)
            {
                schema["minimum"] = minimum;
            }
            if (maximum is not null)
            {
                schema["maximum"] = maximum;
            }
        }
        return schema;
    }

    /// <summary>Drops computed (read-only) properties: the loader accepts only settable ones.</summary>
    private static void KeepOnlyFields(JsonObject schema, Type type)
    {
        if (schema["properties"] is not JsonObject properties)
        {
            return;
        }
        var fields = FieldNames.Of(type);
        foreach (var name in properties.Select(p => p.Key).Where(name => !fields.Contains(name)).ToList())
        {
            properties.Remove(name);
        }
    }

    private static void RequireHeader(JsonObject root)
    {
        root["required"] = new JsonArray("apiVersion", "kind", "spec");
        if (root["properties"] is JsonObject properties)
        {
            properties["apiVersion"] = new JsonObject { ["const"] = ConfigBinding.ApiVersion };
            properties["kind"] = new JsonObject { ["const"] = ConfigBinding.Kind };
        }
    }

    private static JsonObject AnyScalar() => new() { ["type"] = new JsonArray("string", "number", "boolean", "null") };
}
