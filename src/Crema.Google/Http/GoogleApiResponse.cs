namespace Crema.Google.Http;

/// <summary>
/// A Google API response read to the end. <see cref="StatusCode"/> is 0 when no response
/// arrived (connection failure, timeout), and then <see cref="Error"/> says why.
/// </summary>
internal sealed record GoogleApiResponse(int StatusCode, string Body, GoogleApiError? Error, TimeSpan? RetryAfter)
{
    /// <summary>True for 2xx.</summary>
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <summary>429, 5xx or no response at all: worth another attempt.</summary>
    public bool IsTransient => StatusCode is 0 or 429 or >= 500;
}
