using Crema.Core.Configuration.Reporting;
using Crema.Core.Configuration.Yaml;

namespace Crema.Core.Configuration.Binding;

/// <summary>Shared state of one binding pass: where to report problems.</summary>
internal sealed class BindContext(DiagnosticBag diagnostics)
{
    public DiagnosticBag Diagnostics { get; } = diagnostics;

    /// <summary>
    /// A reader over <paramref name="node"/> accepting <paramref name="fields"/>. A node that is not a
    /// mapping is reported and read as an empty mapping that reports nothing more.
    /// </summary>
    public MappingReader Mapping(ConfigNode node, string path, IReadOnlyList<string> fields, IReadOnlyDictionary<string, string>? unsupported = null)
    {
        if (node is MappingConfigNode mapping)
        {
            return new MappingReader(this, mapping, path, fields, isValid: true, unsupported);
        }
        if (node is ScalarConfigNode { IsNull: true })
        {
            return new MappingReader(this, new MappingConfigNode(node.Position, []), path, fields, isValid: true);
        }
        Diagnostics.Error(node.Position, path, $"expected a mapping, found {Describe(node)}");
        return new MappingReader(this, new MappingConfigNode(node.Position, []), path, fields, isValid: false);
    }

    /// <summary>"a sequence", or the scalar's text for scalars.</summary>
    public static string Describe(ConfigNode node) =>
        node is ScalarConfigNode { IsNull: false } scalar ? $"\"{Shorten(scalar.Value)}\"" : node.KindName;

    public static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
