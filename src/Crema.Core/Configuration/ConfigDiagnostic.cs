namespace Crema.Core.Configuration;

/// <summary>One problem found in a config file, with its 1-based position and full YAML path.</summary>
/// <param name="File">The file name given to the loader.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Path">The YAML path, for example <c>spec.scaledObjects[0].spec.triggers[1].metadata.threshold</c>.</param>
/// <param name="Message">What is wrong and, where possible, how to fix it.</param>
public sealed record ConfigDiagnostic(string File, int Line, int Column, string Path, string Message)
{
    /// <summary><c>file:line:column: path: message</c>; the path part is left out for whole-file problems (empty path).</summary>
    public override string ToString() =>
        Path.Length == 0 ? $"{File}:{Line}:{Column}: {Message}" : $"{File}:{Line}:{Column}: {Path}: {Message}";
}
