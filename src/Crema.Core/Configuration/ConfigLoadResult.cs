namespace Crema.Core.Configuration;

/// <summary>The outcome of loading a config file: the config when valid, and every error and warning found in one pass.</summary>
/// <param name="Config">The config; null when there are errors.</param>
/// <param name="Errors">Every error; empty when valid.</param>
/// <param name="Warnings">Problems that do not stop the config from loading (for example unknown metadata keys).</param>
public sealed record ConfigLoadResult(CremaConfig? Config, IReadOnlyList<ConfigDiagnostic> Errors, IReadOnlyList<ConfigDiagnostic> Warnings)
{
    /// <summary>True when the config loaded without errors.</summary>
    public bool IsValid => Errors.Count == 0 && Config is not null;
}
