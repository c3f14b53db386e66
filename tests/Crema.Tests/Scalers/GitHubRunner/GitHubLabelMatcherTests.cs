using Crema.Scalers.GitHubRunner;

namespace Crema.Tests.Scalers.GitHubRunner;

public sealed class GitHubLabelMatcherTests
{
    [Theory]
    [InlineData("", false, false, "self-hosted,linux,x64", true)]
    [InlineData("", false, false, "self-hosted,gpu", false)]
    [InlineData("gpu", false, false, "self-hosted,GPU", true)]
    [InlineData("gpu", true, false, "self-hosted,gpu", false)]
    [InlineData("gpu", true, false, "gpu", true)]
    [InlineData("", false, false, "ubuntu-latest", false)]
    [InlineData("", false, false, "", true)]
    [InlineData("gpu", false, false, "", true)]
    [InlineData("gpu", false, true, "", false)]
    [InlineData("", false, true, "", true)]
    [InlineData("", true, true, "", true)]
    public void Matches_JobLabels_FollowKeda(string runnerLabels, bool noDefaultLabels, bool matchUnlabeled, string jobLabels, bool expected)
    {
        var matcher = new GitHubLabelMatcher(Split(runnerLabels), noDefaultLabels, matchUnlabeled);

        matcher.Matches(Split(jobLabels)).ShouldBe(expected);
    }

    private static string[] Split(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
