namespace Crema.Core.Configuration.Yaml;

/// <summary>A YAML sequence.</summary>
internal sealed class SequenceConfigNode(SourcePosition position, IReadOnlyList<ConfigNode> items) : ConfigNode(position)
{
    public IReadOnlyList<ConfigNode> Items { get; } = items;

    public override string KindName => "a sequence";
}
