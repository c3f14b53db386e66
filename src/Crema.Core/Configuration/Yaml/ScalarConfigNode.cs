namespace Crema.Core.Configuration.Yaml;

/// <summary>A scalar. <see cref="IsPlain"/> is false for quoted or block scalars and explicitly tagged ones.</summary>
internal sealed class ScalarConfigNode(SourcePosition position, string value, bool isPlain) : ConfigNode(position)
{
    public string Value { get; } = value;

    public bool IsPlain { get; } = isPlain;

    /// <summary>A YAML null: an empty plain value, <c>~</c> or <c>null</c>.</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string KindName => IsNull ? "null" : "a scalar";
}
