namespace Crema.Google.CloudRun;

/// <summary>How a scale request ended.</summary>
public enum ScaleOutcome
{
    /// <summary>The operation finished and the new instance count is in effect.</summary>
    Applied,

    /// <summary>Concurrent modification (409, 412 or ABORTED): re-read the target and decide again.</summary>
    Conflict,

    /// <summary>The API refused or the operation failed; see the status and message.</summary>
    Failed,

    /// <summary>The caller cancelled; the operation may still complete on Google's side.</summary>
    Cancelled,
}
