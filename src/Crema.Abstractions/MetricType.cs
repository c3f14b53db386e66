namespace Crema.Abstractions;

/// <summary>How a trigger's value is compared with its target. Default: <see cref="AverageValue"/>.</summary>
public enum MetricType
{
    /// <summary>The value is a total; desired replicas = ceil(value / target).</summary>
    AverageValue,

    /// <summary>The value is per replica; desired replicas = ceil(value / target * current).</summary>
    Value,

    /// <summary>
    /// The value is the average utilization across instances, in percent of each instance's limit; desired replicas =
    /// ceil(current * utilization / target), as the Kubernetes HPA computes a Resource metric. Only the <c>cpu</c> and
    /// <c>memory</c> triggers accept it (KEDA: Utilization is not valid for external metrics).
    /// </summary>
    Utilization,
}
