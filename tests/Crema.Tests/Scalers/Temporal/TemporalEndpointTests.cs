using Crema.Scalers.Temporal;

namespace Crema.Tests.Scalers.Temporal;

public sealed class TemporalEndpointTests
{
    [Theory]
    [InlineData("temporal-frontend.temporal.svc.cluster.local:7233", "temporal-frontend.temporal.svc.cluster.local", 7233, "http://temporal-frontend.temporal.svc.cluster.local:7233/")]
    [InlineData("127.0.0.1:7233", "127.0.0.1", 7233, "http://127.0.0.1:7233/")]
    [InlineData("[::1]:7233", "::1", 7233, "http://[::1]:7233/")]
    [InlineData("dns:///my-ns.tmprl.cloud:7233", "my-ns.tmprl.cloud", 7233, "http://my-ns.tmprl.cloud:7233/")]
    [InlineData("my-ns.tmprl.cloud", "my-ns.tmprl.cloud", 443, "http://my-ns.tmprl.cloud:443/")]
    public void Parse_GrpcTargets_GivesHostAndPort(string text, string host, int port, string uri)
    {
        var endpoint = TemporalEndpoint.Parse(text, out var error);

        error.ShouldBeNull();
        endpoint.ShouldBe(new TemporalEndpoint(host, port));
        endpoint!.ToUri(tls: false).ToString().ShouldBe(uri);
    }

    [Theory]
    [InlineData("https://temporal:7233", "\"https://temporal:7233\" is a URL; give host:port (TLS follows from apiKey or cert and key, not from a scheme)")]
    [InlineData("temporal:port", "\"temporal:port\" has no valid port (1-65535)")]
    [InlineData("temporal:0", "\"temporal:0\" has no valid port (1-65535)")]
    [InlineData("::1", "\"::1\" is not host:port (write an IPv6 address in brackets: [::1]:7233)")]
    [InlineData("temporal:7233/path", "\"temporal:7233/path\" is not host:port")]
    [InlineData(":7233", "\":7233\" is not host:port")]
    [InlineData("user@temporal:7233", "\"user@temporal:7233\" is not host:port")]
    public void Parse_Invalid_SaysWhy(string text, string expected)
    {
        TemporalEndpoint.Parse(text, out var error).ShouldBeNull();

        error.ShouldBe(expected);
    }
}
