namespace Crema.Google.CloudRun;

/// <summary>
/// A Google API call failed (after retries for transient errors). The message names the resource
/// and carries Google's status and message, never a credential.
/// </summary>
public sealed class CloudRunApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CloudRunApiException(string message, int httpStatus, string? googleStatus)
        : base(message)
    {
        HttpStatus = httpStatus;
        GoogleStatus = googleStatus;
    }

    /// <summary>Creates the exception.</summary>
    public CloudRunApiException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public CloudRunApiException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public CloudRunApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>HTTP status, 0 when no response arrived.</summary>
    public int HttpStatus { get; }

    /// <summary>Google's canonical status such as NOT_FOUND, when given.</summary>
    public string? GoogleStatus { get; }
}
