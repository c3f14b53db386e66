namespace Crema.Google;

/// <summary>
/// A Google API call (Cloud Run, Secret Manager, Parameter Manager) failed, after retries for transient
/// errors. The message names the resource and carries Google's status; it never contains a credential or
/// secret material.
/// </summary>
public sealed class GoogleApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GoogleApiException(string message, int httpStatus, string? googleStatus)
        : base(message)
    {
        HttpStatus = httpStatus;
        GoogleStatus = googleStatus;
    }

    /// <summary>Creates the exception.</summary>
    public GoogleApiException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public GoogleApiException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public GoogleApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>HTTP status, 0 when no response arrived or the reply was unusable.</summary>
    public int HttpStatus { get; }

    /// <summary>Google's canonical status such as NOT_FOUND or DATA_LOSS, when known.</summary>
    public string? GoogleStatus { get; }
}
