namespace Crema.Core.Configuration.Yaml;

/// <summary>Bounds that keep hostile config files (huge, deeply nested, alias bombs) from exhausting memory or CPU.</summary>
internal static class YamlLimits
{
    /// <summary>Largest accepted file, in UTF-8 bytes (1 MiB).</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>Deepest nesting of mappings and sequences, counting what aliases bring in.</summary>
    public const int MaxDepth = 64;

    /// <summary>Most nodes in the document once every alias is expanded.</summary>
    public const int MaxNodes = 100_000;
}
