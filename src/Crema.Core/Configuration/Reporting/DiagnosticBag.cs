using Crema.Core.Configuration.Yaml;

namespace Crema.Core.Configuration.Reporting;

/// <summary>Collects errors and warnings so one pass reports them all.</summary>
internal sealed class DiagnosticBag(string file)
{
    private readonly List<ConfigDiagnostic> errors = [];
    private readonly List<ConfigDiagnostic> warnings = [];

    public IReadOnlyList<ConfigDiagnostic> Errors => errors;

    public IReadOnlyList<ConfigDiagnostic> Warnings => warnings;

    public void Error(SourcePosition at, string path, string message) =>
        errors.Add(new ConfigDiagnostic(file, at.Line, at.Column, path, message));

    /// <summary>True when an error was already reported at exactly this path (validators then stay quiet about it).</summary>
    public bool HasErrorAt(string path) => errors.Exists(e => e.Path == path);

    public void Warning(SourcePosition at, string path, string message) =>
        warnings.Add(new ConfigDiagnostic(file, at.Line, at.Column, path, message));

    /// <summary>Errors sorted by position, so the report reads top to bottom.</summary>
    public IReadOnlyList<ConfigDiagnostic> SortedErrors() => Sort(errors);

    public IReadOnlyList<ConfigDiagnostic> SortedWarnings() => Sort(warnings);

    private static ConfigDiagnostic[] Sort(List<ConfigDiagnostic> list) =>
        [.. list.Select((d, i) => (d, i)).OrderBy(x => x.d.Line).ThenBy(x => x.d.Column).ThenBy(x => x.i).Select(x => x.d)];
}
