using System.Globalization;
using Crema.Core.Configuration.Reporting;
using Crema.Core.Configuration.Yaml;

namespace Crema.Core.Configuration.Binding;

internal sealed partial class MappingReader
{
    /// <summary>Any scalar as text (numbers and booleans included, as Go's YAML decoder does).</summary>
    public string? String(string name, bool required = false)
    {
        var node = Get(name);
        if (node is null)
        {
            if (required)
            {
                ReportMissing(name);
            }
            return null;
        }
        if (node is not ScalarConfigNode scalar)
        {
            Error(name, $"expected a string, found {node.KindName}");
            return null;
        }
        if (required && scalar.Value.Length == 0)
        {
            Error(name, "must not be empty");
        }
        return scalar.Value;
    }

    /// <summary>A required string: empty (and reported) when absent.</summary>
    public string RequiredString(string name) => String(name, required: true) ?? string.Empty;

    public int? Int(string name, bool required = false)
    {
        var scalar = Scalar(name, required, "an integer");
        if (scalar is null)
        {
            return null;
        }
        if (int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            if (scalar.IsPlain)
            {
                return value;
            }
            Error(name, $"\"{scalar.Value}\" is a string, not an integer; write {scalar.Value} without quotes");
            return null;
        }
        var tooBig = scalar.IsPlain && long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
        Error(name, tooBig ? $"{scalar.Value} is out of range" : $"\"{BindContext.Shorten(scalar.Value)}\" is not an integer");
        return null;
    }

    public bool? Bool(string name)
    {
        var scalar = Scalar(name, required: false, "a boolean");
        if (scalar is null)
        {
            return null;
        }
        if (scalar.IsPlain && bool.TryParse(scalar.Value, out var value))
        {
            return value;
        }
        Error(name, $"\"{BindContext.Shorten(scalar.Value)}\" is not a boolean; use true or false");
        return null;
    }

    /// <summary>An enum by name, case-insensitive. <paramref name="explain"/> may give a better message for a known bad value.</summary>
    public TEnum? Enum<TEnum>(string name, bool required = false, Func<string, string?>? explain = null)
        where TEnum : struct, Enum
    {
        var scalar = Scalar(name, required, "a string");
        if (scalar is null)
        {
            return null;
        }
        if (EnumNames.TryParse<TEnum>(scalar.Value, out var value))
        {
            return value;
        }
        var allowed = EnumNames.All<TEnum>();
        var message = explain?.Invoke(scalar.Value) ?? $"\"{BindContext.Shorten(scalar.Value)}\" is not valid; expected one of {string.Join(", ", allowed)}";
        var suggestion = NameSuggester.Closest(scalar.Value, allowed);
        Error(name, suggestion is null ? message : $"{message} (did you mean \"{suggestion}\"?)");
        return null;
    }

    /// <summary>A nested mapping; null when absent (reported if required) or not a mapping (reported).</summary>
    public MappingReader? Child(string name, IReadOnlyList<string> fields, bool required = false, IReadOnlyDictionary<string, string>? unsupported = null)
    {
        var node = Get(name);
        if (node is null)
        {
            if (required)
            {
                ReportMissing(name);
            }
            return null;
        }
        var child = context.Mapping(node, FieldPath(name), fields, unsupported);
        return child.IsValid ? child : null;
    }

    /// <summary>A nested mapping that must exist; an empty silent reader stands in when it is absent or wrong.</summary>
    public MappingReader RequiredChild(string name, IReadOnlyList<string> fields, IReadOnlyDictionary<string, string>? unsupported = null) =>
        Child(name, fields, required: true, unsupported)
        ?? new MappingReader(context, new MappingConfigNode(Get(name)?.Position ?? Node.Position, []), FieldPath(name), fields, isValid: false);

    /// <summary>The items of a sequence with their paths; empty when absent or not a sequence (reported).</summary>
    public IReadOnlyList<(ConfigNode Node, string Path)> Sequence(string name)
    {
        var node = Get(name);
        if (node is null)
        {
            return [];
        }
        if (node is not SequenceConfigNode sequence)
        {
            Error(name, $"expected a sequence (a list of items), found {BindContext.Describe(node)}");
            return [];
        }
        var items = new List<(ConfigNode, string)>(sequence.Items.Count);
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var itemPath = ConfigPath.Item(FieldPath(name), i);
            items.Add((sequence.Items[i], itemPath));
        }
        return items;
    }

    /// <summary>Each item of a sequence of mappings, as a reader.</summary>
    public IEnumerable<MappingReader> MappingItems(string name, IReadOnlyList<string> fields) =>
        Sequence(name).Select(item => context.Mapping(item.Node, item.Path, fields));

    /// <summary>A map of strings; any scalar value is taken as its text, null as "".</summary>
    public IReadOnlyDictionary<string, string> StringMap(string name)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var node = Get(name);
        if (node is null)
        {
            return result;
        }
        if (node is not MappingConfigNode mapping)
        {
            Error(name, $"expected a mapping of strings, found {BindContext.Describe(node)}");
            return result;
        }
        foreach (var (key, value) in mapping.Entries)
        {
            var valuePath = ConfigPath.Field(FieldPath(name), key.Value);
            if (value is ScalarConfigNode scalar)
            {
                result[key.Value] = scalar.IsNull ? string.Empty : scalar.Value;
            }
            else
            {
                context.Diagnostics.Error(value.Position, valuePath, $"expected a string, found {value.KindName}; quote the value or flatten it");
            }
        }
        return result;
    }

    private ScalarConfigNode? Scalar(string name, bool required, string expected)
    {
        var node = Get(name);
        if (node is null)
        {
            if (required)
            {
                ReportMissing(name);
            }
            return null;
        }
        if (node is ScalarConfigNode scalar)
        {
            return scalar;
        }
        Error(name, $"expected {expected}, found {node.KindName}");
        return null;
    }
}
