using System.Globalization;
using System.Text.Json;

namespace Crema.Google.Storage;

/// <summary>Reads a JSON API object resource. int64 fields arrive as strings ("generation": "1712345678901234").</summary>
internal static class StorageObjectJson
{
    public static StorageObject? Read(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || Int64(root, "generation") is not { } generation
                || Text(root, "name") is not { } name)
            {
                return null;
            }

            var updated = Text(root, "updated") is { } text
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                    ? at
                    : (DateTimeOffset?)null;
            return new StorageObject(Text(root, "bucket") ?? string.Empty, name, generation, Int64(root, "metageneration") ?? 0, updated);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a name or string holding a lone surrogate escape ("\ud800") has no text.
            return null;
        }
    }

    private static string? Text(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? Int64(JsonElement root, string property)
    {
        if (!root.TryGetProperty(property, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) => parsed,
            JsonValueKind.Number when value.TryGetInt64(out var number) => number,
            _ => null,
        };
    }
}
