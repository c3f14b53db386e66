using Crema.Scalers.RabbitMq;

namespace Crema.Tests.Scalers.RabbitMq;

public sealed class RabbitMqManagementUrlsTests
{
    /// <summary>KEDA's getVhostAndPathFromURLTestData.</summary>
    [Theory]
    [InlineData("myVhost", "", "/myVhost", "")]
    [InlineData("%2FmyVhost", "", "/%2FmyVhost", "")]
    [InlineData("/", "", "/%2F", "")]
    [InlineData("//", "", "/%2F", "")]
    [InlineData("/%2F", "", "/%2F", "")]
    [InlineData("", "", "/%2F", "")]
    [InlineData("sub1/myVhost", "", "/myVhost", "/sub1")]
    [InlineData("sub1/", "overridenVhost", "/overridenVhost", "/sub1")]
    [InlineData("myVhost", "overridenVhost", "/overridenVhost", "")]
    [InlineData("sub1/%2FmyVhost", "", "/%2FmyVhost", "/sub1")]
    [InlineData("sub1/", "", "/%2F", "/sub1")]
    [InlineData("sub1/", "myVhost", "/myVhost", "/sub1")]
    [InlineData("sub1//", "", "/%2F", "/sub1")]
    [InlineData("sub1/%2F", "", "/%2F", "/sub1")]
    [InlineData("sub1/sub2/myVhost", "", "/myVhost", "/sub1/sub2")]
    [InlineData("sub1/sub2/myVhost", "overridenVhost", "/overridenVhost", "/sub1/sub2")]
    [InlineData("sub1/sub2/%2FmyVhost", "", "/%2FmyVhost", "/sub1/sub2")]
    [InlineData("sub1/sub2/", "", "/%2F", "/sub1/sub2")]
    [InlineData("sub1/sub2/", "myVhost", "/myVhost", "/sub1/sub2")]
    [InlineData("sub1/myVhost", "overridenVhost", "/overridenVhost", "/sub1")]
    [InlineData("sub1/sub2//", "", "/%2F", "/sub1/sub2")]
    [InlineData("sub1/sub2/%2F", "", "/%2F", "/sub1/sub2")]
    [InlineData("/sub1/myVhost", "/", "/%2F", "/sub1")]
    [InlineData("/sub1/x", "team/a b", "/team%2Fa%20b", "/sub1")]
    public void VhostAndPrefix_KedaTable(string rawPath, string vhostName, string vhostPath, string prefix) =>
        RabbitMqManagementUrls.VhostAndPrefix(rawPath, vhostName).ShouldBe((vhostPath, prefix));

    [Theory]
    [InlineData("http://guest:pw@rabbit:15672/", null, "evaluate_trials", "http://rabbit:15672/api/queues/%2F/evaluate_trials")]
    [InlineData("http://rabbit:15672", null, "evaluate_trials", "http://rabbit:15672/api/queues/%2F/evaluate_trials")]
    [InlineData("https://rabbit/proxy/rmq/prod", null, "namespace/name", "https://rabbit/proxy/rmq/api/queues/prod/namespace%2Fname")]
    [InlineData("http://rabbit:15672/prod", "team/a", "q 1", "http://rabbit:15672/api/queues/team%2Fa/q%201")]
    public void Queue_BuildsKedasUrlWithoutUserInfo(string host, string? vhostName, string queue, string expected) =>
        RabbitMqManagementUrls.Queue(new Uri(host), vhostName, queue).ShouldBe(expected);

    [Fact]
    public void Matching_BuildsKedasListingUrl() =>
        RabbitMqManagementUrls.Matching(new Uri("http://u:p@rabbit:15672/sub/vh"), null, "^evaluate_trials$", 100)
            .ShouldBe("http://rabbit:15672/sub/api/queues/vh?page=1&use_regex=true&pagination=false&name=%5Eevaluate_trials%24&page_size=100");
}
