using System.Globalization;

namespace Crema.Core.Configuration;

/// <summary>
/// Bounds that keep a hostile or broken config (huge, deeply nested, an alias bomb) from exhausting memory
/// or CPU while still reading one of 10,000+ scaled objects. Plain YAML nodes are not counted: the file size
/// bounds them. Defaults: 32 MiB (CREMA_CONFIG_MAX_BYTES), 64 levels of nesting, 1,000,000 nodes brought in
/// by aliases in all (CREMA_CONFIG_MAX_ALIAS_NODES).
/// </summary>
public sealed record ConfigLimits
{
    /// <summary>Environment variable that raises <see cref="MaxBytes"/>.</summary>
    public const string MaxBytesVariable = "CREMA_CONFIG_MAX_BYTES";

    /// <summary>Environment variable that raises <see cref="MaxAliasNodes"/>.</summary>
    public const string MaxAliasNodesVariable = "CREMA_CONFIG_MAX_ALIAS_NODES";

    /// <summary>Largest accepted file, in UTF-8 bytes; default 32 MiB (about 3 KB for each of 10,000 objects).</summary>
    public int MaxBytes { get; init; } = 32 * 1024 * 1024;

    /// <summary>Deepest nesting of mappings and sequences, counting what aliases bring in; default 64.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>
    /// Most nodes that aliases may bring in, counted once per use and through nested aliases, so an alias bomb
    /// (each level repeating the one before) stops at once; default 1,000,000.
    /// </summary>
    public int MaxAliasNodes { get; init; } = 1_000_000;

    /// <summary>The defaults.</summary>
    public static ConfigLimits Default { get; } = new();

    /// <summary>
    /// The defaults, raised (or lowered) by <see cref="MaxBytesVariable"/> and <see cref="MaxAliasNodesVariable"/>
    /// as read through <paramref name="getVariable"/>; <paramref name="problem"/> names a variable whose value is
    /// not a whole number above 0 (that limit then keeps its default).
    /// </summary>
    public static ConfigLimits FromEnvironment(Func<string, string?> getVariable, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        problem = null;
        var maxBytes = Read(getVariable, MaxBytesVariable, ref problem);
        var maxAliasNodes = Read(getVariable, MaxAliasNodesVariable, ref problem);
        return new ConfigLimits
        {
            MaxBytes = maxBytes ?? Default.MaxBytes,
            MaxAliasNodes = maxAliasNodes ?? Default.MaxAliasNodes,
        };
    }

    private static int? Read(Func<string, string?> getVariable, string name, ref string? problem)
    {
        var value = getVariable(name);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0)
        {
            return parsed;
        }
        problem ??= $"{name} must be a whole number above 0, got \"{value}\"";
        return null;
    }
}
