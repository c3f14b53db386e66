namespace Crema.Scalers.GitHubRunner;

/// <summary>The outcome of one complete poll of GitHub.</summary>
/// <param name="Queued">Matching jobs waiting for a runner.</param>
/// <param name="InProgress">Matching jobs running (each holds a runner).</param>
/// <param name="Repositories">Repositories read.</param>
/// <param name="ActiveRuns">Queued or in-progress workflow runs seen.</param>
/// <param name="JobListsReused">Runs whose job list was reused without a request (unchanged run).</param>
/// <param name="MissingRepositories">Configured repositories GitHub answered 404 for.</param>
internal sealed record GitHubQueueCount(
    int Queued,
    int InProgress,
    int Repositories,
    int ActiveRuns,
    int JobListsReused,
    IReadOnlyList<string> MissingRepositories);
