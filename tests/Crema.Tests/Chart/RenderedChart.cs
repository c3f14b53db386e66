using System.Text.Json;

namespace Crema.Tests.Chart;

/// <summary>One rendered template file: its source name (crema/templates/x.yaml), YAML text and objects as JSON.</summary>
internal sealed record RenderedManifest(string Source, string Yaml, IReadOnlyList<JsonElement> Objects);

/// <summary>What helm-render printed: the coalesced values, and the manifests and notes or the template error.</summary>
internal sealed record RenderedChart(JsonElement Values, IReadOnlyList<RenderedManifest> Manifests, string Notes, string? Error)
{
    /// <summary>Every rendered object, in template order.</summary>
    public IEnumerable<JsonElement> Objects => Manifests.SelectMany(m => m.Objects);

    /// <summary>The one object of <paramref name="kind"/>; fails when there is none or more than one.</summary>
    public JsonElement Single(string kind) => Objects.Single(o => o.GetProperty("kind").GetString() == kind);

    public IEnumerable<string> Kinds => Objects.Select(o => o.GetProperty("kind").GetString()!);

    public static RenderedChart From(JsonElement root)
    {
        var manifests = root.GetProperty("manifests").EnumerateArray()
            .Select(m => new RenderedManifest(
                m.GetProperty("source").GetString()!,
                m.GetProperty("yaml").GetString()!,
                m.GetProperty("objects").EnumerateArray().Select(o => o.Clone()).ToArray()))
            .ToArray();
        var error = root.TryGetProperty("error", out var e) ? e.GetString() : null;
        return new RenderedChart(root.GetProperty("values").Clone(), manifests, root.GetProperty("notes").GetString()!, error);
    }
}
