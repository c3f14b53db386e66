namespace Crema.Abstractions;

/// <summary>The result of validating one trigger's metadata.</summary>
/// <param name="Errors">Every error found; empty when valid.</param>
/// <param name="UnknownKeys">Metadata keys no rule read; KEDA tolerates them, we warn.</param>
public sealed record ScalerValidation(IReadOnlyList<MetadataError> Errors, IReadOnlyList<string> UnknownKeys)
{
    /// <summary>True when there are no errors.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>The metadata keys the scaler reads (without the <c>keyFromEnv</c> twins), to suggest one for an unknown key.</summary>
    public IReadOnlyList<string> KnownKeys { get; init; } = [];

    /// <summary>Problems that do not stop the trigger from working (deprecated keys), reported as warnings.</summary>
    public IReadOnlyList<MetadataError> Warnings { get; init; } = [];
}
