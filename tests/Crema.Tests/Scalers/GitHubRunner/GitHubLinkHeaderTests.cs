using System.Net;
using Crema.Scalers.GitHubRunner;

namespace Crema.Tests.Scalers.GitHubRunner;

public sealed class GitHubLinkHeaderTests
{
    [Theory]
    [InlineData("<https://api.github.com/orgs/a/repos?page=2>; rel=\"next\", <https://api.github.com/orgs/a/repos?page=5>; rel=\"last\"", "https://api.github.com/orgs/a/repos?page=2")]
    [InlineData("<https://api.github.com/x?page=1>; rel=\"prev\", <https://api.github.com/x?page=3>; rel=\"next\"", "https://api.github.com/x?page=3")]
    [InlineData("<https://api.github.com/x?page=1>; rel=\"first\", <https://api.github.com/x?page=1>; rel=\"prev\"", null)]
    public void Next_LinkHeader_ReturnsTheNextPage(string header, string? expected)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.TryAddWithoutValidation("Link", header);

        GitHubLinkHeader.Next(response).ShouldBe(expected);
    }

    [Fact]
    public void Next_NoLinkHeader_ReturnsNull()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK);

        GitHubLinkHeader.Next(response).ShouldBeNull();
    }
}
