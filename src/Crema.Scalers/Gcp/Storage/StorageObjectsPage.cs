using System.Globalization;
using System.Text.Json;

namespace Crema.Scalers.Gcp.Storage;

/// <summary>One page of a Cloud Storage JSON API <c>objects.list</c> reply (<c>kind: storage#objects</c>).</summary>
/// <param name="Sizes">The size in bytes of each object in <c>items</c>, in the order listed.</param>
/// <param name="Prefixes">How many <c>prefixes</c> (pseudo-folders of a delimited listing) the page has; never counted.</param>
/// <param name="NextPageToken">The token of the next page, or null on the last page.</param>
internal sealed record StorageObjectsPage(IReadOnlyList<ulong> Sizes, int Prefixes, string? NextPageToken)
{
    private const string NotAList = "Cloud Storage objects.list returned a reply that is not an objects list";

    /// <summary>Reads a page; anything but the documented shape is an error (never a count of 0).</summary>
    public static StorageObjectsPage Parse(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidOperationException(NotAList + " (not a JSON object)");
            }
            var sizes = new List<ulong>();
            if (root.TryGetProperty("items", out var items) && items.ValueKind != JsonValueKind.Null)
            {
                if (items.ValueKind != JsonValueKind.Array)
                {
                    throw new InvalidOperationException(NotAList + " (items is not an array)");
                }
                foreach (var item in items.EnumerateArray())
                {
                    sizes.Add(Size(item));
                }
            }
            var prefixes = root.TryGetProperty("prefixes", out var p) && p.ValueKind == JsonValueKind.Array ? p.GetArrayLength() : 0;
            var next = root.TryGetProperty("nextPageToken", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() is { Length: > 0 } token
                ? token
                : null;
            return new StorageObjectsPage(sizes, prefixes, next);
        }
        catch (JsonException)
        {
            // The parser's message quotes the input; say only what was wrong.
            throw new InvalidOperationException(NotAList + " (not JSON)");
        }
    }

    /// <summary>
    /// An object's size: the API sends the uint64 as a decimal string; a number is accepted too. An item without a
    /// size reads as 0, the way KEDA's client leaves it (and so it is skipped).
    /// </summary>
    private static ulong Size(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException(NotAList + " (an item is not an object)");
        }
        if (!item.TryGetProperty("size", out var size) || size.ValueKind == JsonValueKind.Null)
        {
            return 0;
        }
        if (size.ValueKind == JsonValueKind.String
            && ulong.TryParse(size.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var fromText))
        {
            return fromText;
        }
        if (size.ValueKind == JsonValueKind.Number && size.TryGetUInt64(out var fromNumber))
        {
            return fromNumber;
        }
        throw new InvalidOperationException(NotAList + " (an item's size is not a whole number of bytes)");
    }
}
