namespace Crema.Core.Configuration;

/// <summary>The scaled resource.</summary>
public sealed record ScaleTargetRef
{
    /// <summary>
    /// Full resource name: <c>projects/P/locations/L/workerPools/N</c> (also <c>workerpools</c>) or
    /// <c>projects/P/locations/L/services/N</c>.
    /// </summary>
    public required string Name { get; init; }

    /// <summary>Accepted for KEDA compatibility; informational.</summary>
    public string? Kind { get; init; }

    /// <summary>Accepted for KEDA compatibility; informational.</summary>
    public string? ApiVersion { get; init; }

    /// <summary>Accepted and ignored, as CREMA ignores it: Crema's <c>xFromEnv</c> metadata reads the daemon's own environment.</summary>
    public string? EnvSourceContainerName { get; init; }
}
