namespace Crema.Core.Configuration.Import;

/// <summary>The outcome of <see cref="KedaImporter.Import"/>.</summary>
/// <param name="Yaml">The CremaConfig text; null when an input could not be read at all.</param>
/// <param name="Notes">What was left out or changed, and why (Secrets, ScaledJobs, Kubernetes-only fields).</param>
/// <param name="Errors">Inputs that could not be converted (YAML syntax, a target name without project and region).</param>
public sealed record KedaImportResult(string? Yaml, IReadOnlyList<string> Notes, IReadOnlyList<string> Errors);
