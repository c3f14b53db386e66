namespace Crema.Abstractions;

/// <summary>
/// Everything a factory needs to validate or build a scaler for one trigger.
/// </summary>
public sealed record ScalerContext
{
    /// <summary>The trigger type as written in the config (for example <c>prometheus</c>).</summary>
    public required string TriggerType { get; init; }

    /// <summary>The trigger's name, or its index as text when unnamed.</summary>
    public required string TriggerName { get; init; }

    /// <summary>The scaled object's display name (for logs and metric names).</summary>
    public required string ScaledObjectName { get; init; }

    /// <summary>
    /// The scaled object's target, the full Cloud Run resource name as written in <c>scaleTargetRef.name</c>
    /// (<c>projects/P/locations/L/workerPools/N</c> or <c>.../services/N</c>); null when not known. Scalers that measure
    /// the target itself (<c>cpu</c>, <c>memory</c>) read it; others ignore it.
    /// </summary>
    public string? ScaleTargetName { get; init; }

    /// <summary>The trigger's metadata exactly as written (string values).</summary>
    public required IReadOnlyDictionary<string, string> Metadata { get; init; }

    /// <summary>
    /// Parameters from the trigger's authenticationRef (secrets). When <see cref="ValidationOnly"/> is
    /// true the keys are the declared parameter names and the values are empty: secrets are not read.
    /// </summary>
    public IReadOnlyDictionary<string, string> AuthParams { get; init; } = EmptyMap;

    /// <summary>The trigger's metricType (default AverageValue).</summary>
    public MetricType MetricType { get; init; } = MetricType.AverageValue;

    /// <summary>True when the authenticationRef asks for the daemon's own Google identity (podIdentity gcp).</summary>
    public bool UsePodIdentity { get; init; }

    /// <summary>
    /// True while validating a config file: values from the environment and from secrets are not
    /// available, so only their presence is checked. False when building a live scaler.
    /// </summary>
    public bool ValidationOnly { get; init; }

    /// <summary>
    /// True when validating inside the daemon, whose environment is the one scalers will read: then
    /// <c>keyFromEnv</c> values are read and checked at validation too. Default false (<c>crema validate</c>
    /// runs elsewhere, so such values are checked when the scaler is built).
    /// </summary>
    public bool EnvironmentVisible { get; init; }

    /// <summary>Reads an environment variable (for <c>xFromEnv</c> keys and endpoint overrides).</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>The clock. Tests inject a fake one.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Shared services of the host (HTTP clients, Google tokens).</summary>
    public IScalerServices Services { get; init; } = DefaultScalerServices.Instance;

    private static readonly IReadOnlyDictionary<string, string> EmptyMap = new Dictionary<string, string>();
}
