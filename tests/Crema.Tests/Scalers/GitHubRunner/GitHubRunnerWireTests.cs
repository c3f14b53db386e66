using System.Net;
using Crema.Scalers.GitHubRunner;
using Crema.Tests.Scalers.GitHubRunner.Fake;
using Crema.Tests.Support;
using Octokit;

namespace Crema.Tests.Scalers.GitHubRunner;

/// <summary>What goes over the wire under Octokit: redirects, base URLs, 304s, body size, the exact requests.</summary>
public sealed class GitHubRunnerWireTests : IAsyncLifetime
{
    private readonly FakeTimeProvider time = new();
    private FakeGitHubApi github = null!;

    public async Task InitializeAsync()
    {
        github = await FakeGitHubApi.StartAsync(time: time);
        github.RequiredToken = GitHubRunnerTestContext.Token;
    }

    public async Task DisposeAsync() => await github.DisposeAsync();

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task ReadAsync_RedirectToAnotherPort_FailsWithoutSendingTheToken(int status)
    {
        await using var other = await FakeGitHubApi.StartAsync(time: time);
        other.AddQueuedJob("acme", "app", "self-hosted");
        github.RedirectTo(other.ApiUrl, status);
        await using var scaler = GitHubRunnerTestContext.Scaler(github.ApiUrl, time, new Dictionary<string, string> { ["repos"] = "app" });

        var error = await Should.ThrowAsync<Exception>(async () => await scaler.ReadAsync(CancellationToken.None));

        error.Message.ShouldContain("outside the configured API URL");
        github.Requests.ShouldNotBeEmpty();
        other.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task ReadAsync_ApiUrlWithAnyPath_IsUsedAsGiven()
    {
        // Octokit's GitHubClient(header, baseUri) would replace this path with /api/v3/.
        await using var proxied = await FakeGitHubApi.StartAsync("/proxy/github", time);
        proxied.AddQueuedJob("acme", "app", "self-hosted");
        await using var scaler = GitHubRunnerTestContext.Scaler(proxied.ApiUrl, time, new Dictionary<string, string> { ["repos"] = "app" });

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(1);
        proxied.Requests.ShouldAllBe(r => r.Status == 200);
    }

    [Fact]
    public async Task ReadAsync_OnePoll_SendsTheRequestsKedaSends()
    {
        var job = github.AddQueuedJob("acme", "app", "self-hosted");
        await using var scaler = GitHubRunnerTestContext.Scaler(github.ApiUrl, time, new Dictionary<string, string> { ["repos"] = "app" });

        await scaler.ReadAsync(CancellationToken.None);

        github.Requests.Select(r => r.Method + " " + r.Path + r.Query).ShouldBe(
        [
            "GET /repos/acme/app/actions/runs?status=queued&per_page=100",
            "GET /repos/acme/app/actions/runs?status=in_progress&per_page=100",
            $"GET /repos/acme/app/actions/runs/{github.RunOf(job)}/jobs?per_page=100",
        ]);
    }

    [Fact]
    public async Task ReadAsync_DisabledRepository_IsNotAskedForRuns()
    {
        github.AddQueuedJob("acme", "app", "self-hosted");
        github.AddRepository("acme", "frozen", disabled: true);
        await using var scaler = GitHubRunnerTestContext.Scaler(github.ApiUrl, time);

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Details!["repositories"].ShouldBe(1);
        github.Requests.ShouldNotContain(r => r.Path.StartsWith("/repos/acme/frozen/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListRunsAsync_CacheDroppedAnEntry_AsksUnconditionallyAndCountsRight()
    {
        github.AddQueuedJob("acme", "app", "self-hosted");
        github.AddQueuedJob("acme", "api", "self-hosted");
        github.AddQueuedJob("acme", "api", "self-hosted");
        var cache = new GitHubResponseCache(capacity: 1);
        var client = Client(github.ApiUrl, cache);
        client.BeginPoll();
        await client.ListRunsAsync("acme", "app", CheckRunStatusFilter.Queued, CancellationToken.None);
        await client.ListRunsAsync("acme", "api", CheckRunStatusFilter.Queued, CancellationToken.None);
        github.ClearRequests();
        client.BeginPoll();

        var api = await client.ListRunsAsync("acme", "api", CheckRunStatusFilter.Queued, CancellationToken.None);
        var app = await client.ListRunsAsync("acme", "app", CheckRunStatusFilter.Queued, CancellationToken.None);

        (app.Count, api.Count).ShouldBe((1, 2));
        // api's reply is still cached (asked conditionally, 304, reused); app's was dropped (asked again in full).
        github.Requests.Select(r => (r.Path, r.Conditional, r.Status)).ShouldBe(
            [("/repos/acme/api/actions/runs", true, 304), ("/repos/acme/app/actions/runs", false, 200)]);
        client.NotModified.ShouldBe(1);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ListRunsAsync_304ThatNoCacheAskedFor_FailsInsteadOfReadingZero(bool etags)
    {
        using var http = new HttpClient(new NotModifiedHandler());
        var client = Client("https://api.github.com", etags ? new GitHubResponseCache() : null, http);

        var error = await Should.ThrowAsync<GitHubApiException>(() =>
            client.ListRunsAsync("acme", "app", CheckRunStatusFilter.Queued, CancellationToken.None));

        error.Status.ShouldBe(HttpStatusCode.NotModified);
        error.Message.ShouldContain("304 Not Modified for GET https://api.github.com/repos/acme/app/actions/runs");
    }

    [Fact]
    public async Task ListRunsAsync_HugeReply_FailsWithoutReadingItAll()
    {
        var body = new EndlessJsonStream();
        using var http = new HttpClient(new ReplyHandler(new StreamContent(body)));
        var client = Client("https://api.github.com", null, http);

        var error = await Should.ThrowAsync<GitHubApiException>(() =>
            client.ListRunsAsync("acme", "app", CheckRunStatusFilter.Queued, CancellationToken.None));

        error.Message.ShouldContain("larger than 8 MiB");
        body.BytesServed.ShouldBeLessThan(GitHubHttpTransport.MaxBodyBytes + (1024 * 1024));
    }

    [Fact]
    public async Task ListRunsAsync_ReplyThatIsNotJson_FailsNamingTheCall()
    {
        using var http = new HttpClient(new ReplyHandler(new StringContent("{\"workflow_runs\": [{\"id\": ", System.Text.Encoding.UTF8, "application/json")));
        var client = Client("https://api.github.com", null, http);

        var error = await Should.ThrowAsync<GitHubApiException>(() =>
            client.ListRunsAsync("acme", "app", CheckRunStatusFilter.Queued, CancellationToken.None));

        error.Message.ShouldStartWith("GitHub API reply to GET https://api.github.com/repos/acme/app/actions/runs could not be read");
    }

    private static GitHubApiClient Client(string apiUrl, GitHubResponseCache? cache, HttpClient? http = null)
    {
        var rateLimit = new GitHubRateLimitState(TimeProvider.System);
        var wire = new GitHubTrafficRecorder(new GitHubHttpTransport(http ?? SharedHttp, new Uri(apiUrl)), rateLimit);
        return new GitHubApiClient(wire, new Uri(apiUrl), new PersonalAccessTokenSource(GitHubRunnerTestContext.Token), rateLimit, cache);
    }

    private static HttpClient SharedHttp => Crema.Abstractions.DefaultScalerServices.Instance.GetHttpClient(Crema.Abstractions.HttpClientSettings.Default);

    private sealed class NotModifiedHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage(HttpStatusCode.NotModified) { RequestMessage = request };
            response.Headers.ETag = new System.Net.Http.Headers.EntityTagHeaderValue("\"abc\"", isWeak: true);
            return Task.FromResult(response);
        }
    }

    private sealed class ReplyHandler(HttpContent content) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }

    /// <summary>A 50 MiB JSON reply of unknown length, produced as it is read (never held in memory).</summary>
    private sealed class EndlessJsonStream : Stream
    {
        private const long Total = 50L * 1024 * 1024;

        public long BytesServed { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesServed; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, Total - BytesServed);
            Array.Fill(buffer, (byte)' ', offset, n);
            if (BytesServed == 0 && n > 0)
            {
                buffer[offset] = (byte)'{';
            }
            BytesServed += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
