namespace Crema.Core.Configuration.Yaml;

/// <summary>A YAML node with its position. Aliases share the anchored node instance, never copy it.</summary>
internal abstract class ConfigNode(SourcePosition position)
{
    public SourcePosition Position { get; } = position;

    /// <summary>What the node is, for messages such as "expected a mapping, found a sequence".</summary>
    public abstract string KindName { get; }
}
