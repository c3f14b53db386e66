using Crema.Abstractions;
using Crema.Scalers.GitHubRunner;
using Crema.Tests.Scalers.GitHubRunner.Fake;
using Crema.Tests.Support;

namespace Crema.Tests.Scalers.GitHubRunner;

public sealed class GitHubRunnerRateLimitTests : IAsyncLifetime
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private FakeGitHubApi github = null!;

    public async Task InitializeAsync()
    {
        github = await FakeGitHubApi.StartAsync(time: time);
        github.AddQueuedJob("acme", "app", "self-hosted");
        github.AddQueuedJob("acme", "app", "self-hosted");
    }

    public async Task DisposeAsync() => await github.DisposeAsync();

    private IScaler Scaler() => GitHubRunnerTestContext.Scaler(github.ApiUrl, time, new Dictionary<string, string> { ["repos"] = "app" });

    [Fact]
    public async Task ReadAsync_PrimaryLimitExhausted_ReturnsLastGoodValueAndSaysSo()
    {
        await using var scaler = Scaler();
        (await scaler.ReadAsync(CancellationToken.None)).Value.ShouldBe(2);
        github.AddQueuedJob("acme", "app", "self-hosted");
        github.ExhaustRateLimit(TimeSpan.FromMinutes(3));

        var limited = await scaler.ReadAsync(CancellationToken.None);

        limited.Value.ShouldBe(2);
        limited.IsActive.ShouldBeTrue();
        limited.Note!.ShouldContain("rate limited until 12:03:00Z");
        limited.Note!.ShouldContain("last good value 2");
        limited.Details!["rate_limited"].ShouldBe(1);
        limited.Details["rate_limit_remaining"].ShouldBe(0);
    }

    [Fact]
    public async Task ReadAsync_WhileLimited_MakesNoRequestsUntilReset()
    {
        await using var scaler = Scaler();
        await scaler.ReadAsync(CancellationToken.None);
        github.ExhaustRateLimit(TimeSpan.FromMinutes(3));
        await scaler.ReadAsync(CancellationToken.None);
        github.ClearRequests();

        var stillLimited = await scaler.ReadAsync(CancellationToken.None);
        var requestsWhileLimited = github.Requests.Count;
        time.Advance(TimeSpan.FromMinutes(3));
        github.AddQueuedJob("acme", "app", "self-hosted");
        var recovered = await scaler.ReadAsync(CancellationToken.None);

        requestsWhileLimited.ShouldBe(0);
        stillLimited.Details!["api_requests"].ShouldBe(0);
        recovered.Value.ShouldBe(3);
        recovered.Note.ShouldBeNull();
        recovered.Details!["rate_limited"].ShouldBe(0);
    }

    [Fact]
    public async Task ReadAsync_LastRequestLeavesNoQuota_WaitsForResetWithoutBeingRefused()
    {
        await using var scaler = Scaler();
        github.RateLimitRemaining = 4; // exactly one poll: runs queued, runs in_progress, jobs of two runs
        github.RateLimitReset = time.GetUtcNow().AddMinutes(10);

        (await scaler.ReadAsync(CancellationToken.None)).Note.ShouldBeNull();
        github.ClearRequests();
        var next = await scaler.ReadAsync(CancellationToken.None);

        github.Requests.ShouldBeEmpty();
        next.Note!.ShouldContain("rate limited until 12:10:00Z");
    }

    [Fact]
    public async Task ReadAsync_SecondaryLimitWithRetryAfter_HonoursRetryAfter()
    {
        await using var scaler = Scaler();
        await scaler.ReadAsync(CancellationToken.None);
        github.ImposeSecondaryRateLimit(TimeSpan.FromSeconds(90));

        var limited = await scaler.ReadAsync(CancellationToken.None);

        limited.Note!.ShouldContain("rate limited until 12:01:30Z");
        limited.Value.ShouldBe(2);
    }

    [Fact]
    public async Task ReadAsync_LimitedBeforeAnyGoodValue_Throws()
    {
        github.ExhaustRateLimit(TimeSpan.FromMinutes(3));
        await using var scaler = Scaler();

        var error = await Should.ThrowAsync<GitHubRateLimitedException>(async () => await scaler.ReadAsync(CancellationToken.None));

        error.Until.ShouldBe(time.GetUtcNow().AddMinutes(3));
    }
}
