namespace Crema.Tests.Scalers.GitHubRunner.Fake;

/// <summary>The lifecycle of a job in <see cref="FakeGitHubApi"/> (GitHub's job <c>status</c>).</summary>
public enum FakeJobStatus
{
    /// <summary><c>queued</c>: waiting for a runner.</summary>
    Queued,

    /// <summary><c>in_progress</c>: running on a runner.</summary>
    InProgress,

    /// <summary><c>completed</c> (conclusion <c>success</c>).</summary>
    Completed,
}
