namespace Crema.Core.Configuration.Yaml;

/// <summary>A 1-based line and column in the config text.</summary>
internal readonly record struct SourcePosition(int Line, int Column)
{
    public static readonly SourcePosition Start = new(1, 1);
}
