using System.Globalization;
using System.Net;
using Octokit;

namespace Crema.Scalers.GitHubRunner;

/// <summary>
/// What GitHub last said about our rate limit (X-RateLimit-Remaining/Reset, Retry-After), and until
/// when no call should be made. Fed with every reply that came over the wire (a 304 included, whose
/// headers are current: Octokit's <c>GetLastApiInfo</c> would show the cached reply's) and with
/// Octokit's refusal exceptions. A secondary limit without any header waits one minute, as GitHub asks.
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

    /// <summary>Records the quota headers of a reply. A successful reply leaving nothing means the next call would be refused.</summary>
    public void Observe(IResponse response)
    {
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
        if ((int)response.StatusCode < 400 && Remaining == 0 && Reset is { } r && r > time.GetUtcNow())
        {
            LimitedUntil = r;
        }
    }

    /// <summary>
    /// When Octokit's error is a refusal for rate (its RateLimitExceededException,
    /// SecondaryRateLimitExceededException or AbuseException; a 429; a 403 with Retry-After or nothing
    /// remaining), records and returns until when to wait; otherwise null.
    /// </summary>
    public DateTimeOffset? Refusal(ApiException error, IResponse? reply)
    {
        var retryAfter = (reply ?? error.HttpResponse) is { } response ? RetryAfter(response) : null;
        var refused = error is RateLimitExceededException or SecondaryRateLimitExceededException or AbuseException
            || error.StatusCode == HttpStatusCode.TooManyRequests
            || (error.StatusCode == HttpStatusCode.Forbidden && (retryAfter is not null || Remaining == 0));
        if (!refused)
        {
            return null;
        }
        var now = time.GetUtcNow();
        var until = retryAfter ?? (Remaining == 0 && Reset is { } r && r > now ? r : now + SecondaryLimitDefaultWait);
        LimitedUntil = until;
        return until;
    }

    private DateTimeOffset? RetryAfter(IResponse response)
    {
        if (Header(response, "Retry-After") is not { } text)
        {
            return null;
        }
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            return time.GetUtcNow().AddSeconds(seconds);
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
    }

    private static string? Header(IResponse response, string name) =>
        response.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
