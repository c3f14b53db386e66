namespace Crema.Google.Storage;

/// <summary>How a Cloud Storage call ended.</summary>
internal enum StorageOutcome
{
    /// <summary>2xx.</summary>
    Ok,

    /// <summary>404: no such object (or no such generation of it).</summary>
    NotFound,

    /// <summary>412 conditionNotMet: an <c>ifGenerationMatch</c> precondition did not hold.</summary>
    PreconditionFailed,

    /// <summary>Anything else: another HTTP error, no answer, a reply that is not an object resource.</summary>
    Failed,
}
