using System.Text.Json;
using Json.Schema;

namespace Crema.Tests.Chart;

/// <summary>charts/crema/values.schema.json, applied as Helm applies it: to the coalesced values, before rendering.</summary>
internal static class ValuesSchema
{
    public static readonly string Path = System.IO.Path.Combine(HelmRender.ChartDirectory, "values.schema.json");

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(
        File.ReadAllText(Path), new BuildOptions { SchemaRegistry = new SchemaRegistry() }, new Uri("https://crema.invalid/values.schema.json")));

    public static IReadOnlyList<string> Validate(JsonElement values) => SchemaErrors.Of(Schema.Value, values);
}
