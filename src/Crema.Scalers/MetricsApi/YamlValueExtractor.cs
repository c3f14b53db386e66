using System.Globalization;
using YamlDotNet.Core;

namespace Crema.Scalers.MetricsApi;

/// <summary>
/// <c>format: yaml</c>: valueLocation is KEDA's dot-separated path (kedautil.GetValueByPath): each segment
/// is a mapping key or a sequence index (<c>foo.0.bar</c>), from a top-level mapping. As in KEDA, the first
/// scalar reached is the value even when segments remain, integers and floats are numbers, strings are read
/// as Kubernetes quantities, and anything else is an error. Merge keys (<c>&lt;&lt;</c>) are followed, as yaml.v3 does.
/// </summary>
internal sealed class YamlValueExtractor : IValueExtractor
{
    private const int MaxMergeDepth = 16;

    // Merged mappings may themselves merge several others: a cap on mappings visited per key keeps a
    // hostile response from fanning a lookup out exponentially.
    private const int MaxMappingsPerLookup = 10_000;

    private readonly string location;
    private readonly string[] keys;

    private YamlValueExtractor(string location, string[] keys)
    {
        this.location = location;
        this.keys = keys;
    }

    public string Format => "yaml";

    public static YamlValueExtractor? Create(string location, out string? error) => DottedPath.Create(location, "yaml", out error) is { } keys
        ? new YamlValueExtractor(location, keys)
        : null;

    public double Extract(ReadOnlyMemory<byte> body)
    {
        YamlNode? root;
        try
        {
            root = YamlNode.Load(ValueText.Decode(body));
        }
        catch (YamlException e)
        {
            throw ValueText.Unreadable("YAML", $"line {e.Start.Line.ToString(CultureInfo.InvariantCulture)}, column {e.Start.Column.ToString(CultureInfo.InvariantCulture)}");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException && e.TargetSite?.DeclaringType?.Namespace?.StartsWith("YamlDotNet", StringComparison.Ordinal) == true)
        {
            // YamlDotNet 16.3 throws these, not YamlException, for some malformed input (a tag that is not a URI: "!<a b>").
            throw ValueText.Unreadable("YAML", "a malformed tag or collection");
        }
        if (root is { IsMapping: false } && root.Scalar?.Kind != YamlScalarKind.Null)
        {
            throw new MetricsApiException($"metrics-api: the yaml response is a {(root.IsSequence ? "sequence" : "scalar")}, not a mapping; valueLocation \"{location}\" starts at a top-level mapping");
        }
        var current = root;
        foreach (var key in keys)
        {
            var visited = 0;
            var next = current is null ? null : current.IsMapping ? Lookup(current, key, 0, ref visited) : Index(current, key);
            if (next is null)
            {
                throw ValueText.Missing(location, Format, $"key \"{key}\" not found");
            }
            if (next.Scalar is { } scalar)
            {
                return Value(scalar);
            }
            current = next;
        }
        throw ValueText.NotAValue(location, current!.IsMapping ? "a mapping" : "a sequence");
    }

    private double Value(YamlScalar scalar) => scalar.Kind switch
    {
        YamlScalarKind.Integer or YamlScalarKind.Float => ValueText.Finite(location, scalar.Number),
        YamlScalarKind.String => ValueText.FromString(location, scalar.Text),
        YamlScalarKind.Bool => throw ValueText.NotAValue(location, scalar.Truth ? "true" : "false"),
        _ => throw ValueText.NotAValue(location, "null"),
    };

    /// <summary>A mapping's value for <paramref name="key"/>: its own keys first, then those merged in with &lt;&lt;.</summary>
    private YamlNode? Lookup(YamlNode mapping, string key, int depth, ref int visited)
    {
        if (++visited > MaxMappingsPerLookup)
        {
            throw new MetricsApiException($"metrics-api: looking up \"{ValueText.Excerpt(key)}\" in the yaml response visits more than {MaxMappingsPerLookup} merged (<<) mappings");
        }
        YamlNode? found = null;
        foreach (var (candidate, value) in mapping.Pairs)
        {
            if (candidate.Scalar is { } scalar && !IsMerge(scalar) && scalar.KeyText == key)
            {
                if (found is not null)
                {
                    throw new MetricsApiException($"metrics-api: the yaml response repeats the key \"{ValueText.Excerpt(key)}\" in one mapping");
                }
                found = value;
            }
        }
        if (found is not null || depth >= MaxMergeDepth)
        {
            return found;
        }
        foreach (var (candidate, value) in mapping.Pairs)
        {
            if (candidate.Scalar is { } scalar && IsMerge(scalar))
            {
                foreach (var merged in value.IsMapping ? [value] : value.Items.Where(i => i.IsMapping))
                {
                    if (Lookup(merged, key, depth + 1, ref visited) is { } inherited)
                    {
                        return inherited;
                    }
                }
            }
        }
        return null;
    }

    /// <summary>KEDA turns a sequence into a map keyed by each index's decimal text, so only "0", "1"... match.</summary>
    private static YamlNode? Index(YamlNode sequence, string key) =>
        int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
        && index.ToString(CultureInfo.InvariantCulture) == key && index < sequence.Items.Count
            ? sequence.Items[index]
            : null;

    private static bool IsMerge(YamlScalar scalar) => scalar.Kind == YamlScalarKind.String && scalar.Text == "<<";

    public override string ToString() => $"yaml {location}";
}
