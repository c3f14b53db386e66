using System.Text.Json;
using System.Text.Json.Nodes;

namespace Crema.Tests.Chart;

/// <summary>A copy of a JSON object with one value set or removed at a JSON Pointer, for breaking a manifest on purpose.</summary>
internal static class JsonEdit
{
    /// <summary>Sets <paramref name="pointer"/> to <paramref name="json"/>, or removes it when <paramref name="json"/> is null.</summary>
    public static JsonElement Set(JsonElement element, string pointer, string? json)
    {
        var root = JsonNode.Parse(element.GetRawText())!;
        var segments = pointer.TrimStart('/').Split('/');
        var parent = segments[..^1].Aggregate(root, (node, segment) => int.TryParse(segment, out var index) && node is JsonArray array ? array[index]! : node[segment]!);
        var last = segments[^1];
        if (parent is JsonArray items)
        {
            items[int.Parse(last, System.Globalization.CultureInfo.InvariantCulture)] = json is null ? null : JsonNode.Parse(json);
        }
        else if (json is null)
        {
            parent.AsObject().Remove(last).ShouldBeTrue($"{pointer} is not there to remove");
        }
        else
        {
            parent[last] = JsonNode.Parse(json);
        }
        using var document = JsonDocument.Parse(root.ToJsonString());
        return document.RootElement.Clone();
    }
}
