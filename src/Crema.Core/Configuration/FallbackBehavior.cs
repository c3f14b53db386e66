namespace Crema.Core.Configuration;

/// <summary>KEDA fallback behaviors.</summary>
public enum FallbackBehavior
{
    /// <summary>Propose the fallback replicas.</summary>
    Static,

    /// <summary>Keep the current count.</summary>
    CurrentReplicas,

    /// <summary>max(current, replicas).</summary>
    CurrentReplicasIfHigher,

    /// <summary>min(current, replicas).</summary>
    CurrentReplicasIfLower,
}
