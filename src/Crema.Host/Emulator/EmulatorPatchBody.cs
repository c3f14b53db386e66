using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Crema.Host.Emulator;

/// <summary>Reads <c>scaling.manualInstanceCount</c> and <c>etag</c> from a PATCH body; an absent count means unset, i.e. 0.</summary>
internal static class EmulatorPatchBody
{
    public static bool TryRead(string body, out int count, out string? etag, [NotNullWhen(false)] out string? problem)
    {
        count = 0;
        etag = null;
        problem = null;
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "the request body must be a JSON object";
                return false;
            }

            if (root.TryGetProperty("etag", out var e) && e.ValueKind == JsonValueKind.String)
            {
                etag = e.GetString();
            }

            if (root.TryGetProperty("scaling", out var scaling)
                && scaling.ValueKind == JsonValueKind.Object
                && scaling.TryGetProperty("manualInstanceCount", out var manual))
            {
                if (!manual.TryGetInt32(out count) || count < 0)
                {
                    problem = $"scaling.manualInstanceCount must be an integer >= 0, got {manual.GetRawText()}";
                    return false;
                }
            }

            return true;
        }
        catch (JsonException ex)
        {
            problem = $"the request body is not valid JSON: {ex.Message}";
            return false;
        }
    }
}
