using Crema.Abstractions;
using Crema.Core.Configuration.Yaml;

namespace Crema.Core.Configuration.Reporting;

/// <summary>
/// Collects errors and warnings so one pass reports them all. Every diagnostic's file, path and message
/// pass through <see cref="UntrustedText.Escape"/> here: keys and values quoted from the file must not
/// bring control characters into a terminal or a log line, whichever rule quoted them.
/// </summary>
internal sealed class DiagnosticBag(string file)
{
    private readonly List<ConfigDiagnostic> errors = [];
    private readonly List<ConfigDiagnostic> warnings = [];

    public IReadOnlyList<ConfigDiagnostic> Errors => errors;

    public IReadOnlyList<ConfigDiagnostic> Warnings => warnings;

    private readonly string file = UntrustedText.Escape(file);

    public void Error(SourcePosition at, string path, string message) =>
        errors.Add(new ConfigDiagnostic(file, at.Line, at.Column, UntrustedText.Escape(path), UntrustedText.Escape(message)));

    public void Warning(SourcePosition at, string path, string message) =>
        warnings.Add(new ConfigDiagnostic(file, at.Line, at.Column, UntrustedText.Escape(path), UntrustedText.Escape(message)));

    /// <summary>Errors sorted by position, so the report reads top to bottom.</summary>
    public IReadOnlyList<ConfigDiagnostic> SortedErrors() => Sort(errors);

    public IReadOnlyList<ConfigDiagnostic> SortedWarnings() => Sort(warnings);

    private static ConfigDiagnostic[] Sort(List<ConfigDiagnostic> list) =>
        [.. list.Select((d, i) => (d, i)).OrderBy(x => x.d.Line).ThenBy(x => x.d.Column).ThenBy(x => x.i).Select(x => x.d)];
}
