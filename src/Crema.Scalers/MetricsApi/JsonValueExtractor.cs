using System.Globalization;
using System.Text.Json;

namespace Crema.Scalers.MetricsApi;

/// <summary>
/// <c>format: json</c>: valueLocation is a GJSON path. As in KEDA, a JSON number is the value, a string is
/// read as a Kubernetes quantity and anything else is an error; unlike gjson, which reads past broken JSON,
/// the response must be valid JSON.
/// </summary>
internal sealed class JsonValueExtractor : IValueExtractor
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 256 };

    private readonly string location;
    private readonly GjsonPath path;

    private JsonValueExtractor(string location, GjsonPath path)
    {
        this.location = location;
        this.path = path;
    }

    public string Format => "json";

    /// <summary>The extractor, or null and why the path is not understood.</summary>
    public static JsonValueExtractor? Create(string location, out string? error)
    {
        var path = GjsonPath.Parse(location, out error);
        return path is null ? null : new JsonValueExtractor(location, path);
    }

    public double Extract(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.Span.StartsWith("\uFEFF"u8) ? body[3..] : body, Options);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line
                ? $"line {(line + 1).ToString(CultureInfo.InvariantCulture)}, byte {(e.BytePositionInLine ?? 0).ToString(CultureInfo.InvariantCulture)}"
                : "";
            throw ValueText.Unreadable("JSON", where);
        }
        using (document)
        {
            try
            {
                var result = path.Evaluate(document.RootElement);
                return result.Type switch
                {
                    GjsonType.Number => ValueText.Finite(location, result.Number),
                    GjsonType.String => ValueText.FromString(location, result.String),
                    _ when !result.Exists => throw ValueText.Missing(location, Format),
                    _ => throw ValueText.NotAValue(location, result.Describe()),
                };
            }
            catch (InvalidOperationException)
            {
                // System.Text.Json reading a name or string that holds a lone surrogate escape ("\ud800"): no text to compare or show.
                throw ValueText.Unreadable("JSON", "a name or string is not valid text");
            }
        }
    }

    public override string ToString() => $"json {location}";
}
