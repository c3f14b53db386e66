using Crema.Abstractions;
using Crema.Tests.Scalers.GitHubRunner.Fake;
using Crema.Tests.Support;

namespace Crema.Tests.Scalers.GitHubRunner;

public sealed class GitHubRunnerScalerTests : IAsyncLifetime
{
    private readonly FakeTimeProvider time = new();
    private FakeGitHubApi github = null!;

    public async Task InitializeAsync()
    {
        github = await FakeGitHubApi.StartAsync(time: time);
        github.RequiredToken = GitHubRunnerTestContext.Token;
    }

    public async Task DisposeAsync() => await github.DisposeAsync();

    private IScaler Scaler(params (string Key, string Value)[] extra) =>
        GitHubRunnerTestContext.Scaler(github.ApiUrl, time, extra.ToDictionary(e => e.Key, e => e.Value));

    [Fact]
    public async Task ReadAsync_QueuedAndInProgressMatchingJobs_CountsBoth()
    {
        var run = github.AddRun("acme", "app");
        github.AddJob(run, FakeJobStatus.Queued, "self-hosted", "linux");
        github.AddJob(run, FakeJobStatus.InProgress, "self-hosted");
        github.AddJob(run, FakeJobStatus.Completed, "self-hosted");
        github.AddJob(run, FakeJobStatus.Queued, "ubuntu-latest");
        github.AddQueuedJob("acme", "api", "self-hosted", "x64");
        await using var scaler = Scaler(("repos", "app,api"));

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(3);
        reading.Target.ShouldBe(1);
        reading.IsActive.ShouldBeTrue();
        reading.Details!["queued_jobs"].ShouldBe(2);
        reading.Details["in_progress_jobs"].ShouldBe(1);
        reading.Note.ShouldBeNull();
    }

    [Fact]
    public async Task ReadAsync_NoJobs_IsInactiveAtZero()
    {
        github.AddRepository("acme", "app");
        await using var scaler = Scaler(("repos", "app"));

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(0);
        reading.IsActive.ShouldBeFalse();
    }

    [Fact]
    public async Task ReadAsync_Requests_CarryGitHubHeaders()
    {
        github.AddQueuedJob("acme", "app", "self-hosted");
        await using var scaler = Scaler(("repos", "app"));

        await scaler.ReadAsync(CancellationToken.None);

        github.Requests.ShouldNotBeEmpty();
        github.Requests.ShouldAllBe(r => r.Headers["Accept"] == "application/vnd.github+json"
            && r.Headers["X-GitHub-Api-Version"] == "2022-11-28"
            && r.Headers["User-Agent"].Length > 0
            && r.Headers["Authorization-Scheme"] == "Bearer");
    }

    [Fact]
    public async Task ReadAsync_OneRunWith250Jobs_CountsEveryPage()
    {
        var run = github.AddRun("acme", "app");
        for (var i = 0; i < 250; i++)
        {
            github.AddJob(run, i % 2 == 0 ? FakeJobStatus.Queued : FakeJobStatus.InProgress, "self-hosted");
        }
        await using var scaler = Scaler(("repos", "app"));

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(250);
        github.Requests.Count(r => r.Path.EndsWith("/jobs", StringComparison.Ordinal)).ShouldBe(3);
    }

    [Fact]
    public async Task ReadAsync_MoreThan100QueuedRuns_FollowsLinkPages()
    {
        for (var i = 0; i < 130; i++)
        {
            github.AddQueuedJob("acme", "app", "self-hosted");
        }
        await using var scaler = Scaler(("repos", "app"));

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(130);
        reading.Details!["active_runs"].ShouldBe(130);
    }

    [Fact]
    public async Task ReadAsync_OrgScopeWithoutRepos_ListsEveryRepositoryPage()
    {
        for (var i = 0; i < 105; i++)
        {
            github.AddRepository("acme", $"repo{i:D3}");
        }
        github.AddQueuedJob("acme", "repo104", "self-hosted");
        github.AddRepository("acme", "old", archived: true);
        await using var scaler = Scaler();

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(1);
        reading.Details!["repositories"].ShouldBe(105);
        github.Requests.Count(r => r.Path == "/orgs/acme/repos").ShouldBe(2);
        github.Requests.ShouldNotContain(r => r.Path.StartsWith("/repos/acme/old/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_RepoScopeWithoutRepos_ListsTheUsersRepositories()
    {
        github.AddQueuedJob("octocat", "hello", "self-hosted");
        await using var scaler = Scaler(("owner", "octocat"), ("runnerScope", "repo"));

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(1);
        github.Requests.ShouldContain(r => r.Path == "/users/octocat/repos");
    }

    [Fact]
    public async Task ReadAsync_EntScopeWithoutRepos_ListsTheOrgRepositoriesLikeKeda()
    {
        github.AddQueuedJob("acme", "app", "self-hosted");
        await using var scaler = Scaler(("runnerScope", "ent"));

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(1);
        github.Requests.ShouldContain(r => r.Path == "/orgs/acme/repos");
    }

    [Fact]
    public async Task ReadAsync_ConfiguredRepoMissing_SkipsItWithANote()
    {
        github.AddQueuedJob("acme", "app", "self-hosted");
        await using var scaler = Scaler(("repos", "app,gone"));

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(1);
        reading.Note!.ShouldContain("gone");
        github.Requests.ShouldContain(r => r.Path == "/repos/acme/gone/actions/runs" && r.Status == 404);
    }

    [Fact]
    public async Task ReadAsync_BadToken_ThrowsWithoutTheToken()
    {
        github.AddRepository("acme", "app");
        github.RequiredToken = "ghp_other";
        await using var scaler = Scaler(("repos", "app"));

        var error = await Should.ThrowAsync<Exception>(async () => await scaler.ReadAsync(CancellationToken.None));

        error.Message.ShouldContain("401");
        error.Message.ShouldNotContain(GitHubRunnerTestContext.Token);
    }

    [Fact]
    public async Task ReadAsync_EnterpriseServerPrefix_UsesApiV3Paths()
    {
        await using var ghes = await FakeGitHubApi.StartAsync("/api/v3", time);
        ghes.AddQueuedJob("acme", "app", "self-hosted");
        await using var scaler = GitHubRunnerTestContext.Scaler(ghes.ApiUrl, time, new Dictionary<string, string> { ["repos"] = "app" });

        var reading = await scaler.ReadAsync(CancellationToken.None);

        ghes.ApiUrl.ShouldEndWith("/api/v3");
        reading.Value.ShouldBe(1);
    }

    [Fact]
    public async Task ReadAsync_TargetAboveOne_NeverAsksForFewerRunnersThanJobsInProgress()
    {
        var run = github.AddRun("acme", "app");
        for (var i = 0; i < 3; i++)
        {
            github.AddJob(run, FakeJobStatus.InProgress, "self-hosted");
        }
        github.AddJob(run, FakeJobStatus.Queued, "self-hosted");
        await using var scaler = Scaler(("repos", "app"), ("targetWorkflowQueueLength", "4"));

        var reading = await scaler.ReadAsync(CancellationToken.None);

        // AverageValue: desired = ceil(value / target) = 3 running + ceil(1 / 4) queued = 4.
        Math.Ceiling(reading.Value / reading.Target).ShouldBe(4);
        reading.IsActive.ShouldBeTrue();
        reading.Details!["in_progress_jobs"].ShouldBe(3);
    }

    [Fact]
    public async Task ReadAsync_JobsMoveThroughTheirLifecycle_ValueFollows()
    {
        var first = github.AddQueuedJob("acme", "app", "self-hosted");
        var second = github.AddJob(github.RunOf(first), FakeJobStatus.Queued, "self-hosted");
        await using var scaler = Scaler(("repos", "app"), ("enableEtags", "true"));

        (await scaler.ReadAsync(CancellationToken.None)).Value.ShouldBe(2);
        github.MoveJob(first, FakeJobStatus.InProgress);
        (await scaler.ReadAsync(CancellationToken.None)).Value.ShouldBe(2);
        github.MoveJob(first, FakeJobStatus.Completed);
        (await scaler.ReadAsync(CancellationToken.None)).Value.ShouldBe(1);
        github.MoveJob(second, FakeJobStatus.InProgress);
        var running = await scaler.ReadAsync(CancellationToken.None);
        running.Value.ShouldBe(1);
        running.IsActive.ShouldBeTrue();
        github.MoveJob(second, FakeJobStatus.Completed);
        (await scaler.ReadAsync(CancellationToken.None)).Value.ShouldBe(0);
    }
}
