namespace Crema.Host.Daemon;

/// <summary>Whether Crema can read and set a target's count, and if not, why (shown on /status and /metrics).</summary>
internal enum TargetState
{
    /// <summary>The last call for the target succeeded.</summary>
    Ok,

    /// <summary>Updates keep hitting etag conflicts (409, 412, ABORTED): someone else keeps changing the target.</summary>
    Conflict,

    /// <summary>403: Crema's identity may not read or update the target.</summary>
    Forbidden,

    /// <summary>404: the worker pool or service does not exist (deleted, or a wrong name).</summary>
    NotFound,

    /// <summary>A service in automatic scaling mode, where Cloud Run ignores the count Crema would set.</summary>
    AutomaticScaling,

    /// <summary>Any other failure: a 400, a failed operation, 429 or 5xx after retries, no answer.</summary>
    Error,
}
