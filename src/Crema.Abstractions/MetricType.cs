namespace Crema.Abstractions;

/// <summary>How a trigger's value is compared with its target. Default: <see cref="AverageValue"/>.</summary>
public enum MetricType
{
    /// <summary>The value is a total; desired replicas = ceil(value / target).</summary>
    AverageValue,

    /// <summary>The value is per replica; desired replicas = ceil(value / target * current).</summary>
    Value,
}
