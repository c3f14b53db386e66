namespace Crema.Core.Configuration;

/// <summary>Kind of HPA policy.</summary>
public enum HpaPolicyType
{
    /// <summary>An absolute number of replicas.</summary>
    Pods,

    /// <summary>A percentage of the replicas at the start of the period.</summary>
    Percent,
}
