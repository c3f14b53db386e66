using Crema.Abstractions;

namespace Crema.Core.Configuration;

/// <summary>One metric source of a scaled object.</summary>
public sealed record Trigger
{
    /// <summary>The scaler type, for example <c>prometheus</c>.</summary>
    public required string Type { get; init; }

    /// <summary>Optional name, unique within the scaled object; used by scalingModifiers.</summary>
    public string? Name { get; init; }

    /// <summary>Scaler-specific settings, all strings.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>AverageValue (default) or Value.</summary>
    public MetricType? MetricType { get; init; }

    /// <summary>The triggerAuthentication supplying secrets.</summary>
    public AuthenticationRef? AuthenticationRef { get; init; }

    /// <summary>Accepted for KEDA compatibility (Crema reads each trigger once per poll anyway).</summary>
    public bool UseCachedMetrics { get; init; }
}
