using Crema.Core.Configuration.Reporting;
using Crema.Core.Configuration.Yaml;

namespace Crema.Core.Configuration.Binding;

/// <summary>
/// Reads the fields of one YAML mapping into typed values. Unknown fields are reported when the reader is
/// made; every accessor reports its own problems and returns null, so binding never stops at the first error.
/// </summary>
internal sealed partial class MappingReader
{
    private readonly BindContext context;
    private readonly Dictionary<string, ConfigNode> values = new(StringComparer.Ordinal);

    /// <param name="unsupported">KEDA fields Crema knows but does not support, each with the message that says what to use instead.</param>
    public MappingReader(BindContext context, MappingConfigNode node, string path, IReadOnlyList<string> fields, bool isValid, IReadOnlyDictionary<string, string>? unsupported = null)
    {
        this.context = context;
        Node = node;
        Path = path;
        IsValid = isValid;
        foreach (var (key, value) in node.Entries)
        {
            var fieldPath = ConfigPath.Field(path, key.Value);
            if (!fields.Contains(key.Value, StringComparer.Ordinal))
            {
                context.Diagnostics.Error(key.Position, fieldPath, unsupported?.GetValueOrDefault(key.Value) ?? UnknownField(key.Value, fields));
                continue;
            }
            if (value is not ScalarConfigNode { IsNull: true })
            {
                values[key.Value] = value;
            }
        }
    }

    public MappingConfigNode Node { get; }

    public string Path { get; }

    /// <summary>False when the node was not a mapping (already reported): missing fields are then not reported again.</summary>
    public bool IsValid { get; }

    public DiagnosticBag Diagnostics => context.Diagnostics;

    public string FieldPath(string name) => ConfigPath.Field(Path, name);

    /// <summary>The field's value node; null when absent or null.</summary>
    public ConfigNode? Get(string name) => values.GetValueOrDefault(name);

    public bool Has(string name) => values.ContainsKey(name);

    public void ReportMissing(string name, string? hint = null)
    {
        if (IsValid)
        {
            var message = $"missing required field \"{name}\"";
            context.Diagnostics.Error(Node.Position, FieldPath(name), hint is null ? message : $"{message}; {hint}");
        }
    }

    public void Error(string name, string message)
    {
        var at = values.TryGetValue(name, out var node) ? node.Position : Node.Position;
        context.Diagnostics.Error(at, FieldPath(name), message);
    }

    private static string UnknownField(string name, IReadOnlyList<string> fields)
    {
        var suggestion = NameSuggester.Closest(name, fields);
        return suggestion is not null
            ? $"unknown field \"{name}\"; did you mean \"{suggestion}\"?"
            : $"unknown field \"{name}\"; valid fields: {string.Join(", ", fields)}";
    }
}
