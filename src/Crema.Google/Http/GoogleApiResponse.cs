namespace Crema.Google.Http;

/// <summary>
/// A Google API response read to the end. <see cref="StatusCode"/> is 0 when no response
/// arrived (connection failure, timeout), and then <see cref="Error"/> says why.
/// </summary>
internal sealed record GoogleApiResponse(int StatusCode, string Body, GoogleApiError? Error, TimeSpan? RetryAfter)
{
    /// <summary>The body was larger than Crema reads (<see cref="Error"/> says so): a failure whatever the status.</summary>
    public bool TooLarge { get; init; }

    /// <summary>True for 2xx with a body Crema read.</summary>
    public bool IsSuccess => !TooLarge && StatusCode is >= 200 and < 300;

    /// <summary>429, 5xx or no response at all: worth another attempt (a reply too large is not: it would come again).</summary>
    public bool IsTransient => !TooLarge && StatusCode is 0 or 429 or >= 500;
}
