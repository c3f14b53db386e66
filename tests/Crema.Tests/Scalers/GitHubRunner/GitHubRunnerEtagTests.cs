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
    public async Task ReadAsync_EtagsOnAndAll304s_ReportsTheQuotaOfThe304sNotOfTheCachedReplies()
    {
        ThreeReposWithTwoRuns();
        await using var scaler = Scaler(etags: true);
        await scaler.ReadAsync(CancellationToken.None);
        github.RateLimitRemaining = 1234; // spent elsewhere since the cached replies were read

        var second = await scaler.ReadAsync(CancellationToken.None);

        second.Details!["api_requests_not_modified"].ShouldBe(second.Details["api_requests"]);
        second.Details["rate_limit_remaining"].ShouldBe(1234);
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
        var cache = new GitHubResponseCache(capacity: 2);
        cache.BeginPoll();
        Set(cache, "a", "\"1\"", "A");
        cache.BeginPoll();
        Set(cache, "b", "\"2\"", "B");
        cache.BeginPoll();
        Get(cache, "a").ShouldNotBeNull();

        Set(cache, "c", "\"3\"", "C");

        cache.Count.ShouldBe(2);
        Get(cache, "b").ShouldBeNull();
    }

    [Fact]
    public void EtagCache_Sweep_DropsWhatThePollDidNotUse()
    {
        var cache = new GitHubResponseCache();
        cache.BeginPoll();
        Set(cache, "runs/1/jobs?per_page=100", "\"1\"", "P1");
        Set(cache, "runs/1/jobs?per_page=100&page=2", "\"2\"", "P2");
        Set(cache, "runs/2/jobs?per_page=100", "\"3\"", "R");
        cache.BeginPoll();
        cache.TouchPath("/repos/acme/app/actions/runs/1/jobs");

        cache.Sweep();

        cache.Count.ShouldBe(2);
        Get(cache, "runs/2/jobs?per_page=100").ShouldBeNull();
    }

    [Fact]
    public void EtagCache_BeyondMaxCharacters_DropsLeastRecentlyUsed()
    {
        var cache = new GitHubResponseCache(maxCharacters: 10);
        cache.BeginPoll();
        Set(cache, "a", "\"1\"", "123456");
        Set(cache, "b", "\"2\"", "7890");
        Get(cache, "a").ShouldNotBeNull();

        Set(cache, "c", "\"3\"", "abc");

        cache.Characters.ShouldBe(9);
        Get(cache, "b").ShouldBeNull();
        Get(cache, "a").ShouldNotBeNull();
    }

    [Fact]
    public void EtagCache_ReplyWithoutETagOrTooLarge_IsNotKept()
    {
        var cache = new GitHubResponseCache(maxCharacters: 4);
        Set(cache, "no-etag", null, "A");
        Set(cache, "large", "\"1\"", "12345");

        cache.Count.ShouldBe(0);
        cache.Characters.ShouldBe(0);
    }

    [Fact]
    public void EtagCache_QueryInAnotherOrder_IsTheSameEntry()
    {
        var cache = new GitHubResponseCache();
        Set(cache, "runs?status=queued&per_page=100&page=2", "\"1\"", "P2");

        Get(cache, "runs?page=2&per_page=100&status=queued").ShouldNotBeNull();
        Get(cache, "runs?status=in_progress&per_page=100&page=2").ShouldBeNull();
    }

    private static Octokit.Internal.Request Request(string path) => new()
    {
        BaseAddress = new Uri("https://api.github.com/"),
        Endpoint = new Uri(path.StartsWith("runs", StringComparison.Ordinal) ? "repos/acme/app/actions/" + path : path, UriKind.Relative),
        Method = HttpMethod.Get,
    };

    private static void Set(GitHubResponseCache cache, string path, string? etag, string body)
    {
        var headers = new Dictionary<string, string>();
        var apiInfo = new Octokit.ApiInfo(new Dictionary<string, Uri>(), [], [], etag!, new Octokit.RateLimit(), TimeSpan.Zero);
        cache.SetAsync(Request(path), new Octokit.Caching.CachedResponse.V1(body, headers, apiInfo, System.Net.HttpStatusCode.OK, "application/json"));
    }

    private static Octokit.Caching.CachedResponse.V1? Get(GitHubResponseCache cache, string path) => cache.GetAsync(Request(path)).Result;
}
