namespace Crema.Core.Configuration.Yaml;

/// <summary>A YAML mapping with scalar keys, in file order, duplicates already removed (and reported).</summary>
internal sealed class MappingConfigNode(SourcePosition position, IReadOnlyList<KeyValuePair<ScalarConfigNode, ConfigNode>> entries)
    : ConfigNode(position)
{
    public IReadOnlyList<KeyValuePair<ScalarConfigNode, ConfigNode>> Entries { get; } = entries;

    public override string KindName => "a mapping";
}
