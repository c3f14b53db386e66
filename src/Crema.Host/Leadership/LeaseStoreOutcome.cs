namespace Crema.Host.Leadership;

/// <summary>How one call to the lease store ended.</summary>
internal enum LeaseStoreOutcome
{
    Ok,

    /// <summary>There is no lease object (or it was deleted).</summary>
    NotFound,

    /// <summary>The compare-and-swap failed: someone wrote first (412 conditionNotMet, 409 Conflict or AlreadyExists).</summary>
    Conflict,

    /// <summary>No answer, a timeout, or another error: nothing is known about whether a write landed.</summary>
    Failed,
}
