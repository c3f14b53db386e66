using System.Net;
using Crema.Scalers.GitHubRunner;
using Crema.Scalers.GitHubRunner.Json;

namespace Crema.Tests.Scalers.GitHubRunner;

public sealed class GitHubApiClientTests
{
    [Fact]
    public async Task GetAllAsync_NextLinkToAnotherHost_FailsBeforeSendingTheToken()
    {
        using var handler = new StubHandler(request => request.RequestUri!.Host == "api.github.com"
            ? Reply("[]", "<https://evil.example.com/orgs/acme/repos?page=2>; rel=\"next\"")
            : throw new InvalidOperationException("the token went to " + request.RequestUri));
        using var http = new HttpClient(handler);
        var client = new GitHubApiClient(http, new Uri("https://api.github.com"), new PersonalAccessTokenSource("t"),
            new GitHubRateLimitState(TimeProvider.System), etags: null);

        var error = await Should.ThrowAsync<GitHubApiException>(() => client.GetAllAsync(
            "/orgs/acme/repos", GitHubJsonContext.Default.IReadOnlyListGitHubRepository, page => page, CancellationToken.None));

        error.Message.ShouldContain("leaves the configured API URL");
        handler.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task GetAllAsync_OwnerNotFound_ThrowsWithGitHubsMessage()
    {
        using var handler = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.NotFound)
        {
            Content = new StringContent("{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"404\"}"),
        });
        using var http = new HttpClient(handler);
        var client = new GitHubApiClient(http, new Uri("https://ghe.example.com/api/v3"), new PersonalAccessTokenSource("t"),
            new GitHubRateLimitState(TimeProvider.System), etags: null);

        var error = await Should.ThrowAsync<GitHubApiException>(() => client.GetAllAsync(
            "/orgs/nobody/repos", GitHubJsonContext.Default.IReadOnlyListGitHubRepository, page => page, CancellationToken.None));

        error.Status.ShouldBe(HttpStatusCode.NotFound);
        error.Message.ShouldBe("GitHub API returned 404 Not Found for GET https://ghe.example.com/api/v3/orgs/nobody/repos: Not Found");
    }

    [Fact]
    public async Task GetAllAsync_ServerNeverAnswers_ThrowsTimeoutNamingTheCall()
    {
        using var handler = new HangingHandler();
        using var http = new HttpClient(handler);
        var client = new GitHubApiClient(http, new Uri("https://api.github.com"), new PersonalAccessTokenSource("ghp_secret"),
            new GitHubRateLimitState(TimeProvider.System), etags: null, requestTimeout: TimeSpan.FromMilliseconds(50));

        var error = await Should.ThrowAsync<TimeoutException>(() => client.GetAllAsync(
            "/orgs/acme/repos?per_page=100", GitHubJsonContext.Default.IReadOnlyListGitHubRepository, page => page, CancellationToken.None));

        error.Message.ShouldContain("GET https://api.github.com/orgs/acme/repos");
        error.Message.ShouldNotContain("ghp_secret");
    }

    [Fact]
    public async Task GetAllAsync_CallerCancels_ThrowsCancellation()
    {
        using var handler = new HangingHandler();
        using var http = new HttpClient(handler);
        var client = new GitHubApiClient(http, new Uri("https://api.github.com"), new PersonalAccessTokenSource("t"),
            new GitHubRateLimitState(TimeProvider.System), etags: null);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Should.ThrowAsync<OperationCanceledException>(() => client.GetAllAsync(
            "/orgs/acme/repos", GitHubJsonContext.Default.IReadOnlyListGitHubRepository, page => page, cancel.Token));
    }

    private static HttpResponseMessage Reply(string json, string link)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json) };
        response.Headers.TryAddWithoutValidation("Link", link);
        return response;
    }

    private sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> reply) : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(reply(request));
        }
    }

    private sealed class HangingHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
