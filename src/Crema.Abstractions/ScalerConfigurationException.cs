namespace Crema.Abstractions;

/// <summary>Thrown by <see cref="ScalerFactory{TMetadata}.Create"/> when metadata does not bind.</summary>
public sealed class ScalerConfigurationException : Exception
{
    /// <summary>Creates the exception from every binding error.</summary>
    public ScalerConfigurationException(string triggerType, IReadOnlyList<MetadataError> errors)
        : base($"{triggerType}: " + string.Join("; ", errors))
    {
        Errors = errors;
    }

    /// <summary>Every binding error.</summary>
    public IReadOnlyList<MetadataError> Errors { get; }
}
