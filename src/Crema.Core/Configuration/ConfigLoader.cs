using System.Diagnostics.CodeAnalysis;
using Crema.Abstractions;
using Crema.Core.Configuration.Binding;
using Crema.Core.Configuration.Reporting;
using Crema.Core.Configuration.Validation;
using Crema.Core.Configuration.Yaml;

namespace Crema.Core.Configuration;

/// <summary>
/// Loads a Crema config file (CREMA-compatible YAML) into <see cref="CremaConfig"/>, reporting every
/// problem at once with its line:column and YAML path. Refuses what breaks <see cref="ConfigLimits"/>
/// (by default files over 32 MiB, nesting deeper than 64 levels, aliases expanding to over 1,000,000 nodes).
/// </summary>
public static class ConfigLoader
{
    /// <summary>Parses, binds and validates <paramref name="yamlText"/>. Never throws on bad input.</summary>
    /// <param name="yamlText">The file's text.</param>
    /// <param name="fileName">The name used in diagnostics.</param>
    /// <param name="scalers">The known trigger types, whose factories validate each trigger's metadata.</param>
    /// <param name="daemonEnvironment">
    /// The environment the scalers will read, when loading inside the daemon: then every <c>keyFromEnv</c>
    /// naming an unset or empty variable is an error now, as KEDA reports it. Null (the default, as for
    /// <c>crema validate</c> on another machine) checks only that such keys are present.
    /// </param>
    /// <param name="limits">Size limits; null (the default) takes them from this process's environment (<see cref="ConfigLimits.FromEnvironment"/>).</param>
    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "Loading must report, not throw, whatever the input provokes.")]
    public static ConfigLoadResult Load(
        string yamlText, string fileName, ScalerRegistry scalers, Func<string, string?>? daemonEnvironment = null, ConfigLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(scalers);
        var diagnostics = new DiagnosticBag(fileName);
        CremaConfig? config = null;
        try
        {
            if (limits is null)
            {
                limits = ConfigLimits.FromEnvironment(Environment.GetEnvironmentVariable, out var problem);
                if (problem is not null)
                {
                    diagnostics.Error(SourcePosition.Start, string.Empty, problem);
                }
            }
            config = LoadInto(yamlText, scalers, daemonEnvironment, limits, diagnostics);
        }
        catch (Exception ex)
        {
            diagnostics.Error(SourcePosition.Start, string.Empty, $"internal error while loading the config: {ex.Message}");
        }
        var errors = diagnostics.SortedErrors();
        return new ConfigLoadResult(errors.Count == 0 ? config : null, errors, diagnostics.SortedWarnings());
    }

    private static CremaConfig? LoadInto(
        string yamlText, ScalerRegistry scalers, Func<string, string?>? daemonEnvironment, ConfigLimits limits, DiagnosticBag diagnostics)
    {
        var root = YamlTreeReader.Read(yamlText, diagnostics, limits);
        if (root is null)
        {
            return null;
        }
        var config = ConfigBinding.Bind(new BindContext(diagnostics), root);
        ConfigValidator.Validate(new ValidationContext(config, new SourceMap(root), diagnostics, scalers) { DaemonEnvironment = daemonEnvironment });
        return config;
    }
}
