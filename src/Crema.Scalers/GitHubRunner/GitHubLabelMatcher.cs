namespace Crema.Scalers.GitHubRunner;

/// <summary>
/// Decides whether a runner of this pool can take a job, as KEDA does: every label of the job must be
/// one of the runner's labels (the configured ones plus self-hosted, linux and x64 unless
/// noDefaultLabels), compared ignoring case. A job without labels matches any runner, or with
/// matchUnlabeledJobsWithUnlabeledRunners only a runner configured without labels.
/// </summary>
internal sealed class GitHubLabelMatcher
{
    private static readonly string[] DefaultLabels = ["self-hosted", "linux", "x64"];
    private readonly HashSet<string> runnerLabels;
    private readonly bool runnerUnlabeled;
    private readonly bool matchUnlabeledOnlyWithUnlabeled;

    public GitHubLabelMatcher(IReadOnlyList<string> labels, bool noDefaultLabels, bool matchUnlabeledJobsWithUnlabeledRunners)
    {
        runnerLabels = new HashSet<string>(noDefaultLabels ? labels : labels.Concat(DefaultLabels), StringComparer.OrdinalIgnoreCase);
        runnerUnlabeled = labels.Count == 0;
        matchUnlabeledOnlyWithUnlabeled = matchUnlabeledJobsWithUnlabeledRunners;
    }

    public bool Matches(IReadOnlyList<string>? jobLabels)
    {
        if (jobLabels is null || jobLabels.Count == 0)
        {
            return !matchUnlabeledOnlyWithUnlabeled || runnerUnlabeled;
        }
        return jobLabels.All(runnerLabels.Contains);
    }
}
