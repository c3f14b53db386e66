using System.Text.Json.Nodes;

namespace Crema.Tests.Chart;

/// <summary>
/// Turns Kubernetes schemas into plain JSON Schema that rejects unknown fields, as the API server's strict field
/// validation (kubectl's default since 1.25) does: every object schema with properties and no
/// additionalProperties of its own gets additionalProperties: false, except where
/// x-kubernetes-preserve-unknown-fields keeps anything; x-kubernetes-int-or-string becomes an anyOf, the
/// duration format Go's duration syntax; the other
/// x-kubernetes-* extensions are dropped (their list and map merge hints, and CEL rules, which only the API
/// server evaluates).
/// </summary>
internal static class StrictSchema
{
    /// <summary>What Go's time.ParseDuration accepts.</summary>
    private const string GoDuration = @"^[-+]?((([0-9]+(\.[0-9]*)?|\.[0-9]+)(ns|us|µs|ms|s|m|h))+|0)$";

    public static void CloseObjects(JsonObject definitions)
    {
        foreach (var (_, definition) in definitions)
        {
            Close(definition!);
        }
    }

    public static void Close(JsonNode node)
    {
        switch (node)
        {
            case JsonObject schema:
                if (schema["properties"] is JsonObject
                    && !schema.ContainsKey("additionalProperties")
                    && schema["x-kubernetes-preserve-unknown-fields"]?.GetValue<bool>() != true)
                {
                    schema["additionalProperties"] = false;
                }
                if (schema["x-kubernetes-int-or-string"]?.GetValue<bool>() == true && !schema.ContainsKey("anyOf") && !schema.ContainsKey("type"))
                {
                    schema["anyOf"] = new JsonArray(new JsonObject { ["type"] = "integer" }, new JsonObject { ["type"] = "string" });
                }
                if (schema["format"]?.GetValue<string>() == "duration")
                {
                    // Kubernetes' "duration" is Go's (30s, 1m30s), not JSON Schema's ISO 8601 one (PT30S).
                    schema.Remove("format");
                    schema["pattern"] = GoDuration;
                }
                foreach (var extension in schema.Select(p => p.Key).Where(k => k.StartsWith("x-kubernetes-", StringComparison.Ordinal)).ToArray())
                {
                    schema.Remove(extension);
                }
                foreach (var (key, child) in schema.ToArray())
                {
                    if (child is null || key is "enum" or "default" or "example" or "required")
                    {
                        continue;
                    }
                    if (key == "properties" && child is JsonObject properties)
                    {
                        foreach (var (_, property) in properties)
                        {
                            Close(property!);
                        }
                    }
                    else
                    {
                        Close(child);
                    }
                }
                break;
            case JsonArray items:
                foreach (var item in items)
                {
                    Close(item!);
                }
                break;
        }
    }
}
