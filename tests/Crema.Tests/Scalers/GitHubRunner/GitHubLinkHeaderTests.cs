using Crema.Scalers.GitHubRunner;

namespace Crema.Tests.Scalers.GitHubRunner;

public sealed class GitHubLinkHeaderTests
{
    [Theory]
    [InlineData("<https://api.github.com/orgs/a/repos?page=2>; rel=\"next\", <https://api.github.com/orgs/a/repos?page=5>; rel=\"last\"", "https://api.github.com/orgs/a/repos?page=2")]
    [InlineData("<https://api.github.com/x?page=1>; rel=\"prev\", <https://api.github.com/x?page=3>; rel=\"next\"", "https://api.github.com/x?page=3")]
    [InlineData("<https://api.github.com/x?page=1>; rel=\"first\", <https://api.github.com/x?page=1>; rel=\"prev\"", null)]
    public void All_LinkHeader_ReturnsTheNextPage(string header, string? expected)
    {
        GitHubLinkHeader.All(header).GetValueOrDefault("next")?.AbsoluteUri.ShouldBe(expected);
        GitHubLinkHeader.All(header).ContainsKey("next").ShouldBe(expected is not null);
    }

    [Fact]
    public void All_NoLinkHeader_HasNoNextPage()
    {
        GitHubLinkHeader.All(null).ContainsKey("next").ShouldBeFalse();
    }

    [Fact]
    public void All_EveryRelation_IsKept()
    {
        var links = GitHubLinkHeader.All("<https://api.github.com/x?page=1>; rel=\"first\", <https://api.github.com/x?page=9>; rel=\"last\"");

        links.Keys.Order().ShouldBe(["first", "last"]);
        links["last"].Query.ShouldBe("?page=9");
    }
}
