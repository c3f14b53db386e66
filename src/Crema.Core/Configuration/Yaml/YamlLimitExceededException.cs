namespace Crema.Core.Configuration.Yaml;

/// <summary>Stops reading a document that breaks one of <see cref="ConfigLimits"/>.</summary>
internal sealed class YamlLimitExceededException(SourcePosition position, string message) : Exception(message)
{
    public SourcePosition Position { get; } = position;
}
