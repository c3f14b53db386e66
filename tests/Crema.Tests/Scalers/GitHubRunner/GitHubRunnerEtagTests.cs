using Crema.Abstractions;
using Crema.Scalers.GitHubRunner;
using Crema.Tests.Scalers.GitHubRunner.Fake;
using Crema.Tests.Support;

namespace Crema.Tests.Scalers.GitHubRunner;

public sealed class GitHubRunnerEtagTests : IAsyncLifetime
{
    private readonly FakeTimeProvider time = new();
    private FakeGitHubApi github = null!;

    public async Task InitializeAsync() => github = await FakeGitHubApi.StartAsync(time: time);

    public async Task DisposeAsync() => await github.DisposeAsync();

    private IScaler Scaler(bool etags) => GitHubRunnerTestContext.Scaler(github.ApiUrl, time,
        new Dictionary<string, string> { ["enableEtags"] = etags ? "true" : "false" });

    private void ThreeReposWithTwoRuns()
    {
        github.AddQueuedJob("acme", "app", "self-hosted");
        github.AddQueuedJob("acme", "api", "self-hosted");
        github.AddRepository("acme", "web");
    }

    [Fact]
    public async Task ReadAsync_EtagsOff_SendsNoConditionalRequests()
    {
        ThreeReposWithTwoRuns();
        await using var scaler = Scaler(etags: false);

        await scaler.ReadAsync(CancellationToken.None);
        var second = await scaler.ReadAsync(CancellationToken.None);

        github.Requests.ShouldNotContain(r => r.Conditional);
        // 1 repository page + 2 x 3 run lists + 2 job lists.
        second.Details!["api_requests"].ShouldBe(9);
    }

    [Fact]
    public async Task ReadAsync_EtagsOnAndNothingChanged_AnswersFrom304sAndSkipsJobCalls()
    {
        ThreeReposWithTwoRuns();
        await using var scaler = Scaler(etags: true);
        var first = await scaler.ReadAsync(CancellationToken.None);
        github.ClearRequests();
        var remainingBefore = github.RateLimitRemaining;

        var second = await scaler.ReadAsync(CancellationToken.None);

        second.Value.ShouldBe(first.Value);
        second.Details!["api_requests"].ShouldBe(7);
        second.Details["api_requests_not_modified"].ShouldBe(7);
        second.Details["job_lists_reused"].ShouldBe(2);
        github.Requests.ShouldAllBe(r => r.Status == 304);
        github.Requests.ShouldNotContain(r => r.Path.EndsWith("/jobs", StringComparison.Ordinal));
        github.RateLimitRemaining.ShouldBe(remainingBefore);
    }

    [Fact]
    public async Task ReadAsync_EtagsOnAndAJobStarts_RereadsOnlyThatRun()
    {
        var moving = github.AddQueuedJob("acme", "app", "self-hosted");
        github.AddQueuedJob("acme", "api", "self-hosted");
        await using var scaler = Scaler(etags: true);
        await scaler.ReadAsync(CancellationToken.None);
        github.MoveJob(moving, FakeJobStatus.Completed);
        github.ClearRequests();

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(1);
        github.Requests.Where(r => r.Status == 200).Select(r => r.Path + r.Query)
            .ShouldBe(["/repos/acme/app/actions/runs?status=queued&per_page=100"]);
    }

    [Fact]
    public async Task ReadAsync_UnchangedRunOlderThanRecheck_ReadsItsJobsConditionally()
    {
        github.AddQueuedJob("acme", "app", "self-hosted");
        await using var scaler = Scaler(etags: true);
        await scaler.ReadAsync(CancellationToken.None);
        time.Advance(GitHubQueueCounter.UnchangedRunRecheck);
        github.ClearRequests();

        await scaler.ReadAsync(CancellationToken.None);

        github.Requests.ShouldContain(r => r.Path.EndsWith("/jobs", StringComparison.Ordinal) && r.Conditional && r.Status == 304);
    }

    [Fact]
    public void EtagCache_BeyondCapacity_DropsLeastRecentlyUsed()
    {
        var cache = new GitHubEtagCache(capacity: 2);
        cache.BeginPoll();
        cache.Set("a", "\"1\"", "A", null);
        cache.BeginPoll();
        cache.Set("b", "\"2\"", "B", null);
        cache.BeginPoll();
        cache.TryGet("a", out _, out _, out _).ShouldBeTrue();

        cache.Set("c", "\"3\"", "C", null);

        cache.Count.ShouldBe(2);
        cache.TryGet("b", out _, out _, out _).ShouldBeFalse();
    }

    [Fact]
    public void EtagCache_Sweep_DropsWhatThePollDidNotUse()
    {
        var cache = new GitHubEtagCache();
        cache.BeginPoll();
        cache.Set("page1", "\"1\"", "P1", "page2");
        cache.Set("page2", "\"2\"", "P2", null);
        cache.Set("finished-run", "\"3\"", "R", null);
        cache.BeginPoll();
        cache.Touch("page1");

        cache.Sweep();

        cache.Count.ShouldBe(2);
        cache.TryGet("finished-run", out _, out _, out _).ShouldBeFalse();
    }
}
