using System.Globalization;
using Crema.Abstractions;
using Crema.Core.Configuration.Reporting;

namespace Crema.Core.Configuration.Validation;

/// <summary>What every validator sees: the bound config, where its paths sit, and where to report.</summary>
internal sealed class ValidationContext(CremaConfig config, SourceMap map, DiagnosticBag diagnostics, ScalerRegistry scalers)
{
    public const string ScaledObjectsPath = "spec.scaledObjects";
    public const string AuthenticationsPath = "spec.triggerAuthentications";

    // Paths where binding already failed (a value that did not parse): validators stay quiet there.
    private readonly HashSet<string> bindingErrorPaths = [.. diagnostics.Errors.Select(e => e.Path)];

    public CremaConfig Config { get; } = config;

    public ScalerRegistry Scalers { get; } = scalers;

    /// <summary>The daemon's environment when the config is loaded where scalers will run; null elsewhere.</summary>
    public Func<string, string?>? DaemonEnvironment { get; init; }

    /// <summary>Reports an error, unless binding already found one at the same path (a value that did not parse).</summary>
    public void Error(string path, string message)
    {
        if (!bindingErrorPaths.Contains(path))
        {
            diagnostics.Error(map.Locate(path), path, message);
        }
    }

    /// <summary>True when binding failed at the path or at one of its ancestors (so what is bound there is a stand-in).</summary>
    public bool BindingFailedAt(string path)
    {
        for (var current = path; current is not null; current = ConfigPath.Parent(current))
        {
            if (bindingErrorPaths.Contains(current))
            {
                return true;
            }
        }
        return false;
    }

    public void Warning(string path, string message) => diagnostics.Warning(map.Locate(path), path, message);

    /// <summary>True when the path was written in the file (not defaulted).</summary>
    public bool IsWritten(string path) => map.Contains(path);

    public IEnumerable<(ScaledObject Object, string Path)> ScaledObjects() =>
        Config.Spec.ScaledObjects.Select((scaledObject, i) => (scaledObject, ConfigPath.Item(ScaledObjectsPath, i)));

    public IEnumerable<(TriggerAuthentication Authentication, string Path)> Authentications() =>
        Config.Spec.TriggerAuthentications.Select((authentication, i) => (authentication, ConfigPath.Item(AuthenticationsPath, i)));

    public static IEnumerable<(Trigger Trigger, string Path, int Index)> Triggers(ScaledObject scaledObject, string scaledObjectPath) =>
        scaledObject.Spec.Triggers.Select((trigger, i) => (trigger, ConfigPath.Item(scaledObjectPath + ".spec.triggers", i), i));

    /// <summary>The display name used in messages and logs; empty while the target is missing.</summary>
    public static string DisplayName(ScaledObject scaledObject) =>
        string.IsNullOrEmpty(scaledObject.Metadata?.Name) && scaledObject.Spec.ScaleTargetRef.Name.Length == 0
            ? string.Empty
            : scaledObject.DisplayName;

    public TriggerAuthentication? FindAuthentication(string name) =>
        Config.Spec.TriggerAuthentications.FirstOrDefault(a => a.Metadata.Name == name);

    public static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
