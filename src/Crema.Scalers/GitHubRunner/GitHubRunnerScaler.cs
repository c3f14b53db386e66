using System.Globalization;
using Crema.Abstractions;

namespace Crema.Scalers.GitHubRunner;

/// <summary>
/// The <c>github-runner</c> scaler. Each poll counts the queued and in-progress jobs this pool can run.
/// The value is queued + targetWorkflowQueueLength x in-progress, so that with the AverageValue target
/// of targetWorkflowQueueLength the desired runners are in-progress + ceil(queued / target): never
/// fewer than the jobs running (with the default target of 1 this is KEDA's queued + in-progress).
/// While GitHub's rate limit is exhausted no call is made and the last good value is returned, with a note.
/// </summary>
internal sealed class GitHubRunnerScaler : IScaler
{
    private readonly GitHubRunnerMetadata metadata;
    private readonly TimeProvider time;
    private readonly GitHubRateLimitState rateLimit;
    private readonly GitHubApiClient api;
    private readonly GitHubQueueCounter counter;
    private readonly GitHubAppTokenSource? appTokens;
    private GitHubQueueCount? lastGood;
    private DateTimeOffset lastGoodAt;

    public GitHubRunnerScaler(GitHubRunnerMetadata metadata, HttpClient http, TimeProvider time)
    {
        this.metadata = metadata;
        this.time = time;
        rateLimit = new GitHubRateLimitState(time);
        var etags = metadata.EnableEtags ? new GitHubResponseCache() : null;
        var wire = new GitHubTrafficRecorder(new GitHubHttpTransport(http, metadata.ApiUrl), rateLimit);
        IGitHubTokenSource tokens;
        if (metadata.UsesGitHubApp)
        {
            appTokens = new GitHubAppTokenSource(wire, metadata.ApiUrl, metadata.ApplicationId, metadata.InstallationId, metadata.AppKey!, time);
            tokens = appTokens;
        }
        else
        {
            tokens = new PersonalAccessTokenSource(metadata.PersonalAccessToken ?? string.Empty);
        }
        api = new GitHubApiClient(wire, metadata.ApiUrl, tokens, rateLimit, etags);
        counter = new GitHubQueueCounter(metadata, api, etags, time);
    }

    public async ValueTask<MetricReading> ReadAsync(CancellationToken cancellationToken)
    {
        api.BeginPoll();
        if (rateLimit.IsLimited(out var until))
        {
            return Limited(until);
        }
        try
        {
            var count = await counter.CountAsync(cancellationToken).ConfigureAwait(false);
            lastGood = count;
            lastGoodAt = time.GetUtcNow();
            return Reading(count, Note(count), rateLimited: false);
        }
        catch (GitHubRateLimitedException e)
        {
            return Limited(e.Until);
        }
    }

    public ValueTask DisposeAsync()
    {
        appTokens?.Dispose();
        return ValueTask.CompletedTask;
    }

    private MetricReading Limited(DateTimeOffset until)
    {
        var at = until.UtcDateTime.ToString("HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        if (lastGood is null)
        {
            throw new GitHubRateLimitedException(until);
        }
        var total = lastGood.Queued + lastGood.InProgress;
        var since = lastGoodAt.UtcDateTime.ToString("HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return Reading(lastGood, $"rate limited until {at}; using last good value {total.ToString(CultureInfo.InvariantCulture)} (read at {since})", rateLimited: true);
    }

    private static string? Note(GitHubQueueCount count) => count.MissingRepositories.Count == 0
        ? null
        : $"repositories not found (404), skipped: {string.Join(", ", count.MissingRepositories)}";

    private MetricReading Reading(GitHubQueueCount count, string? note, bool rateLimited)
    {
        var target = metadata.TargetWorkflowQueueLength;
        var value = count.Queued + (target * count.InProgress);
        var details = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["api_requests"] = api.Requests,
            ["api_requests_not_modified"] = api.NotModified,
            ["queued_jobs"] = count.Queued,
            ["in_progress_jobs"] = count.InProgress,
            ["repositories"] = count.Repositories,
            ["active_runs"] = count.ActiveRuns,
            ["job_lists_reused"] = count.JobListsReused,
            ["rate_limited"] = rateLimited ? 1 : 0,
        };
        if (rateLimit.Remaining is { } remaining)
        {
            details["rate_limit_remaining"] = remaining;
        }
        // KEDA: active when the queue reaches the target; a running job always keeps the pool active.
        return new MetricReading(value, target, value >= target || count.InProgress > 0)
        {
            Note = note,
            Details = details,
        };
    }
}
