using Crema.Abstractions;

namespace Crema.Core.Configuration;

/// <summary>KEDA scaling modifiers: one formula over trigger names replaces the triggers' own metrics.</summary>
public sealed record ScalingModifiers
{
    /// <summary>An expression such as <c>(queue + lag) / 2</c> or <c>queue &gt; 10 ? queue : 0</c>.</summary>
    public required string Formula { get; init; }

    /// <summary>Target for the composite metric, a number &gt; 0 written as a string (KEDA). Required with a formula.</summary>
    public string? Target { get; init; }

    /// <summary>Activation target, a number &gt;= 0 as a string. Default 0.</summary>
    public string? ActivationTarget { get; init; }

    /// <summary>AverageValue (default) or Value.</summary>
    public MetricType? MetricType { get; init; }
}
