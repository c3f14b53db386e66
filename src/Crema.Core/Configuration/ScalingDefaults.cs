namespace Crema.Core.Configuration;

/// <summary>KEDA's defaults for unset ScaledObject fields, in one place.</summary>
public static class ScalingDefaults
{
    /// <summary>Seconds between polls.</summary>
    public const int PollingIntervalSeconds = 30;

    /// <summary>Seconds inactive before scaling to zero.</summary>
    public const int CooldownPeriodSeconds = 300;

    /// <summary>Seconds after start before the first scale to zero.</summary>
    public const int InitialCooldownPeriodSeconds = 0;

    /// <summary>Lowest replica count.</summary>
    public const int MinReplicaCount = 0;

    /// <summary>Highest replica count.</summary>
    public const int MaxReplicaCount = 100;

    /// <summary>HPA tolerance: no change while |1 - ratio| is at most this.</summary>
    public const double Tolerance = 0.1;
}
