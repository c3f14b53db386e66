namespace Crema.Core.Configuration;

/// <summary>An auth parameter read from an environment variable (KEDA's <c>env</c> source).</summary>
public sealed record EnvParameter
{
    /// <summary>The auth parameter name.</summary>
    public required string Parameter { get; init; }

    /// <summary>The environment variable.</summary>
    public required string Name { get; init; }

    /// <summary>Accepted for KEDA compatibility; ignored (Crema reads its own environment).</summary>
    public string? ContainerName { get; init; }
}
