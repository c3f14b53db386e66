namespace Crema.Google.CloudRun;

/// <summary>What a Cloud Run resource name points at.</summary>
public enum CloudRunTargetKind
{
    /// <summary><c>projects/{p}/locations/{l}/workerPools/{n}</c>.</summary>
    WorkerPool,

    /// <summary><c>projects/{p}/locations/{l}/services/{n}</c>.</summary>
    Service,
}
