using System.Globalization;
using System.Net;
using Octokit;

namespace Crema.Scalers.GitHubRunner;

/// <summary>
/// One poll: the repositories (configured, or every repository of the owner over all pages), their
/// queued and in-progress runs (all pages), and the jobs of each run (all pages), counting the
/// queued and in-progress jobs a runner of this pool could take. With ETags on, the job list of a
/// run whose status, attempt and updated_at are unchanged is reused for up to
/// <see cref="UnchangedRunRecheck"/> instead of being asked for again.
/// </summary>
internal sealed class GitHubQueueCounter(
    GitHubRunnerMetadata metadata,
    GitHubApiClient api,
    GitHubResponseCache? etags,
    TimeProvider time)
{
    /// <summary>The longest a job list of an unchanged run is reused before it is checked again.</summary>
    public static readonly TimeSpan UnchangedRunRecheck = TimeSpan.FromMinutes(2);

    private readonly GitHubLabelMatcher matcher = new(metadata.Labels, metadata.NoDefaultLabels, metadata.MatchUnlabeledJobsWithUnlabeledRunners);
    private readonly Dictionary<string, RunJobs> reusableJobs = new(StringComparer.Ordinal);
    private readonly string owner = metadata.Owner;

    public async Task<GitHubQueueCount> CountAsync(CancellationToken cancellationToken)
    {
        var repositories = metadata.Repos.Count > 0 ? metadata.Repos : await ListRepositoriesAsync(cancellationToken).ConfigureAwait(false);
        var missing = new List<string>();
        var runs = new List<(string Repo, WorkflowRun Run)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var repo in repositories)
        {
            var found = await ListActiveRunsAsync(repo, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                missing.Add(repo);
                continue;
            }
            // A run moving from queued to in_progress between the two calls appears in both lists.
            runs.AddRange(found.Where(r => seen.Add(RunKey(repo, r.Id))).Select(r => (repo, r)));
        }

        int queued = 0, inProgress = 0, reused = 0;
        var now = time.GetUtcNow();
        foreach (var (repo, run) in runs)
        {
            var key = RunKey(repo, run.Id);
            var fingerprint = new RunFingerprint(run.Status.StringValue, run.UpdatedAt, run.RunAttempt);
            if (etags is not null && reusableJobs.TryGetValue(key, out var known)
                && known.Fingerprint == fingerprint && now - known.ReadAt < UnchangedRunRecheck)
            {
                etags.TouchPath(known.Path);
                (queued, inProgress, reused) = (queued + known.Queued, inProgress + known.InProgress, reused + 1);
                continue;
            }
            var counted = await CountJobsAsync(repo, run.Id, fingerprint, now, cancellationToken).ConfigureAwait(false);
            (queued, inProgress) = (queued + counted.Queued, inProgress + counted.InProgress);
            if (etags is not null)
            {
                reusableJobs[key] = counted;
            }
        }
        foreach (var stale in reusableJobs.Keys.Where(k => !seen.Contains(k)).ToList())
        {
            reusableJobs.Remove(stale);
        }
        etags?.Sweep();
        return new GitHubQueueCount(queued, inProgress, repositories.Count, runs.Count, reused, missing);
    }

    private async Task<IReadOnlyList<string>> ListRepositoriesAsync(CancellationToken cancellationToken)
    {
        // KEDA lists /orgs/{owner}/repos for org and ent scope, /users/{owner}/repos for repo scope.
        var repositories = await api.ListRepositoriesAsync(owner, ofUser: metadata.Scope == GitHubRunnerScope.Repo, cancellationToken)
            .ConfigureAwait(false);
        // Archived and disabled repositories cannot run workflows: asking for their runs is wasted quota.
        return repositories.Where(r => !r.Archived && !r.Disabled).Select(r => r.Name).ToList();
    }

    private async Task<List<WorkflowRun>?> ListActiveRunsAsync(string repo, CancellationToken cancellationToken)
    {
        var result = new List<WorkflowRun>();
        foreach (var status in (CheckRunStatusFilter[])[CheckRunStatusFilter.Queued, CheckRunStatusFilter.InProgress])
        {
            try
            {
                var runs = await api.ListRunsAsync(owner, repo, status, cancellationToken).ConfigureAwait(false);
                result.AddRange(runs.Where(r => r.Status.StringValue is "queued" or "in_progress"));
            }
            catch (GitHubApiException e) when (e.Status == HttpStatusCode.NotFound)
            {
                return null;
            }
        }
        return result;
    }

    private async Task<RunJobs> CountJobsAsync(string repo, long runId, RunFingerprint fingerprint, DateTimeOffset now, CancellationToken cancellationToken)
    {
        IReadOnlyList<WorkflowJob> jobs;
        try
        {
            jobs = await api.ListJobsAsync(owner, repo, runId, cancellationToken).ConfigureAwait(false);
        }
        catch (GitHubApiException e) when (e.Status == HttpStatusCode.NotFound)
        {
            jobs = []; // the run was deleted since it was listed
        }
        var matching = jobs.Where(j => matcher.Matches(j.Labels)).ToList();
        return new RunJobs(fingerprint, now, api.JobsPath(owner, repo, runId),
            matching.Count(j => j.Status.StringValue == "queued"), matching.Count(j => j.Status.StringValue == "in_progress"));
    }

    private static string RunKey(string repo, long runId) => repo + "/" + runId.ToString(CultureInfo.InvariantCulture);

    private readonly record struct RunFingerprint(string? Status, DateTimeOffset UpdatedAt, long Attempt);

    private sealed record RunJobs(RunFingerprint Fingerprint, DateTimeOffset ReadAt, string Path, int Queued, int InProgress);
}
