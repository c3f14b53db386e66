using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Crema.Scalers.MetricsApi;

/// <summary>
/// <c>format: xml</c>: valueLocation is the dot-separated path KEDA documents (<c>foo.0.bar</c>), from below
/// the root element: each segment names child elements (by local name), or, when none has it, an attribute;
/// a number picks one of several same-named elements (<c>item.1</c>). The element's text, trimmed, is read
/// as a number or Kubernetes quantity. KEDA 2.20 documents this format but its decoder (Go's encoding/xml
/// into a map) fails on every document, so these rules are Crema's reading of the documentation.
/// DTDs are refused and nothing external is resolved.
/// </summary>
internal sealed class XmlValueExtractor : IValueExtractor
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    private readonly string location;
    private readonly string[] segments;

    private XmlValueExtractor(string location, string[] segments)
    {
        this.location = location;
        this.segments = segments;
    }

    public string Format => "xml";

    public static XmlValueExtractor? Create(string location, out string? error) => DottedPath.Create(location, "xml", out error) is { } segments
        ? new XmlValueExtractor(location, segments)
        : null;

    public double Extract(ReadOnlyMemory<byte> body)
    {
        XElement root;
        try
        {
            using var stream = new MemoryStream(body.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, Settings);
            root = XDocument.Load(reader).Root ?? throw ValueText.Unreadable("XML", "no root element");
        }
        catch (XmlException e)
        {
            // Only the position is shown: XmlException's text quotes the document.
            throw ValueText.Unreadable("XML", e.LineNumber == 0 && e.Message.Contains("DTD", StringComparison.Ordinal)
                ? "it has a DTD, which is not read"
                : $"line {e.LineNumber.ToString(CultureInfo.InvariantCulture)}, position {e.LinePosition.ToString(CultureInfo.InvariantCulture)}");
        }
        var element = root;
        List<XElement>? group = null;
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (group is not null && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                element = index < group.Count ? group[index] : throw ValueText.Missing(location, Format, $"there are {group.Count} <{segments[i - 1]}> elements, so no index {segment}");
                group = null;
                continue;
            }
            if (group is { Count: > 1 })
            {
                throw new MetricsApiException($"metrics-api: valueLocation \"{location}\": \"{segments[i - 1]}\" matches {group.Count} elements; pick one with an index ({segments[i - 1]}.0)");
            }
            var children = element.Elements().Where(e => Named(e.Name, segment)).ToList();
            if (children.Count == 0)
            {
                var attribute = element.Attributes().FirstOrDefault(a => Named(a.Name, segment));
                return attribute is null ? throw ValueText.Missing(location, Format, $"<{element.Name.LocalName}> has no element or attribute \"{segment}\"")
                    : i < segments.Length - 1 ? throw ValueText.Missing(location, Format, $"\"{segment}\" is an attribute of <{element.Name.LocalName}>, with nothing below it")
                    : ValueText.FromString(location, attribute.Value.Trim());
            }
            element = children[0];
            group = children;
        }
        if (group is { Count: > 1 })
        {
            throw new MetricsApiException($"metrics-api: valueLocation \"{location}\" matches {group.Count} elements; pick one with an index ({location}.0)");
        }
        return element.HasElements
            ? throw ValueText.NotAValue(location, $"the element <{element.Name.LocalName}>, which has child elements")
            : ValueText.FromString(location, element.Value.Trim());
    }

    private static bool Named(XName name, string segment) => name.LocalName == segment;

    public override string ToString() => $"xml {location}";
}
