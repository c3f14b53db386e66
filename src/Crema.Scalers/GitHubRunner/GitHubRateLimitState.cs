using System.Globalization;
using System.Net;

namespace Crema.Scalers.GitHubRunner;

/// <summary>
/// What GitHub last said about our rate limit (X-RateLimit-Remaining/Reset, Retry-After), and until
/// when no call should be made. A secondary limit without any header waits one minute, as GitHub asks.
/// </summary>
internal sealed class GitHubRateLimitState(TimeProvider time)
{
    private static readonly TimeSpan SecondaryLimitDefaultWait = TimeSpan.FromMinutes(1);

    public long? Remaining { get; private set; }

    public DateTimeOffset? Reset { get; private set; }

    public DateTimeOffset? LimitedUntil { get; private set; }

    public bool IsLimited(out DateTimeOffset until)
    {
        until = LimitedUntil ?? default;
        return LimitedUntil is { } u && u > time.GetUtcNow();
    }

    /// <summary>Records the headers of a reply; returns the end of the limit when the reply is a refusal for rate.</summary>
    public DateTimeOffset? Observe(HttpResponseMessage response, string? errorMessage)
    {
        var now = time.GetUtcNow();
        if (Header(response, "X-RateLimit-Remaining") is { } remainingText
            && long.TryParse(remainingText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining))
        {
            Remaining = remaining;
        }
        if (Header(response, "X-RateLimit-Reset") is { } resetText
            && long.TryParse(resetText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var reset))
        {
            Reset = DateTimeOffset.FromUnixTimeSeconds(reset);
        }
        var retryAfter = RetryAfter(response, now);
        var refused = response.StatusCode is HttpStatusCode.TooManyRequests
            || (response.StatusCode is HttpStatusCode.Forbidden
                && (retryAfter is not null || Remaining == 0
                    || (errorMessage?.Contains("rate limit", StringComparison.OrdinalIgnoreCase) ?? false)));
        DateTimeOffset? until = null;
        if (retryAfter is { } after)
        {
            until = after;
        }
        else if (Remaining == 0 && Reset is { } r && r > now)
        {
            // Even a successful reply with nothing left means the next call would be refused.
            until = r;
        }
        else if (refused)
        {
            until = now + SecondaryLimitDefaultWait;
        }
        if (until is { } u && (refused || retryAfter is null))
        {
            LimitedUntil = u;
        }
        return refused ? until : null;
    }

    private static DateTimeOffset? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        if (response.Headers.RetryAfter is not { } header)
        {
            return null;
        }
        if (header.Delta is { } delta)
        {
            return now + delta;
        }
        return header.Date;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
