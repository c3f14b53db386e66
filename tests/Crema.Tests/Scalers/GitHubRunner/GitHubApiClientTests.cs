using System.Net;
using Crema.Scalers.GitHubRunner;

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
        var client = Client(http, "https://api.github.com", "t");

        var error = await Should.ThrowAsync<GitHubApiException>(() => client.ListRepositoriesAsync("acme", ofUser: false, CancellationToken.None));

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
        var client = Client(http, "https://ghe.example.com/api/v3", "t");

        var error = await Should.ThrowAsync<GitHubApiException>(() => client.ListRepositoriesAsync("nobody", ofUser: false, CancellationToken.None));

        error.Status.ShouldBe(HttpStatusCode.NotFound);
        error.Message.ShouldBe("GitHub API returned 404 Not Found for GET https://ghe.example.com/api/v3/orgs/nobody/repos: Not Found");
    }

    [Fact]
    public async Task GetAllAsync_ServerNeverAnswers_ThrowsTimeoutNamingTheCall()
    {
        using var handler = new HangingHandler();
        using var http = new HttpClient(handler);
        var client = Client(http, "https://api.github.com", "ghp_secret", TimeSpan.FromMilliseconds(50));

        var error = await Should.ThrowAsync<TimeoutException>(() => client.ListRepositoriesAsync("acme", ofUser: false, CancellationToken.None));

        error.Message.ShouldContain("GET https://api.github.com/orgs/acme/repos");
        error.Message.ShouldNotContain("ghp_secret");
    }

    [Fact]
    public async Task GetAllAsync_CallerCancels_ThrowsCancellation()
    {
        using var handler = new HangingHandler();
        using var http = new HttpClient(handler);
        var client = Client(http, "https://api.github.com", "t");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Should.ThrowAsync<OperationCanceledException>(() => client.ListRepositoriesAsync("acme", ofUser: false, cancel.Token));
    }

    private static GitHubApiClient Client(HttpClient http, string apiUrl, string token, TimeSpan? requestTimeout = null)
    {
        var rateLimit = new GitHubRateLimitState(TimeProvider.System);
        var wire = new GitHubTrafficRecorder(new GitHubHttpTransport(http, new Uri(apiUrl), requestTimeout), rateLimit);
        return new GitHubApiClient(wire, new Uri(apiUrl), new PersonalAccessTokenSource(token), rateLimit, cache: null);
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
