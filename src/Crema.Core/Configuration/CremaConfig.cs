namespace Crema.Core.Configuration;

/// <summary>The root of a Crema config file (<c>apiVersion: crema/v1</c>, <c>kind: CremaConfig</c>), CREMA-compatible.</summary>
public sealed record CremaConfig
{
    /// <summary>Must be <c>crema/v1</c>.</summary>
    public string ApiVersion { get; init; } = "crema/v1";

    /// <summary>Must be <c>CremaConfig</c>.</summary>
    public string Kind { get; init; } = "CremaConfig";

    /// <summary>Optional name and annotations of the config itself.</summary>
    public ObjectMetadata? Metadata { get; init; }

    /// <summary>The scaling specification.</summary>
    public required CremaSpec Spec { get; init; }
}
