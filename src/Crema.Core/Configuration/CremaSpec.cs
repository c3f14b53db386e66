namespace Crema.Core.Configuration;

/// <summary>Global settings, authentications and the scaled objects.</summary>
public sealed record CremaSpec
{
    /// <summary>Default polling interval in seconds for every scaled object. Default 30, minimum 1.</summary>
    public int? PollingInterval { get; init; }

    /// <summary>Named sources of secrets that triggers reference through <c>authenticationRef</c>.</summary>
    public IReadOnlyList<TriggerAuthentication> TriggerAuthentications { get; init; } = [];

    /// <summary>The workloads to scale.</summary>
    public IReadOnlyList<ScaledObject> ScaledObjects { get; init; } = [];
}
