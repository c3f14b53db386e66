using Crema.Scalers.NatsJetStream;

namespace Crema.Tests.Scalers.NatsJetStream;

public class NatsMonitoringUrlsTests
{
    // KEDA's TestGetNATSJetStreamMonitoringURL, TestGetNATSJetStreamEndpointHTTP(S).
    [Theory]
    [InlineData("http", "nats.nats:8222", "$G", "http://nats.nats:8222/jsz?acc=%24G&config=true&consumers=true")]
    [InlineData("https", "nats.nats:8222", "$G", "https://nats.nats:8222/jsz?acc=%24G&config=true&consumers=true")]
    [InlineData("http", "nats.nats:8222", "myaccount&consumers=false", "http://nats.nats:8222/jsz?acc=myaccount%26consumers%3Dfalse&config=true&consumers=true")]
    public void Jsz_Account_IsEscapedAndCannotInjectParameters(string scheme, string endpoint, string account, string expected)
    {
        var url = NatsMonitoringUrls.Jsz(scheme, endpoint, account);

        url.ShouldBe(expected);
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(url).Query);
        query["acc"].ShouldBe(account);
        query["consumers"].ShouldBe("true");
        query["config"].ShouldBe("true");
    }

    // KEDA's TestNATSJetStreamMonitoringNodeURLEncoding and the node-per-connect-URL rule.
    [Theory]
    [InlineData("leader.nats.svc", "localhost:8222", "leader.nats.svc:8222")]
    [InlineData("nats-1.nats.svc.cluster.local:4221", "nats.nats:8222", "nats-1.nats.svc.cluster.local:8222")]
    [InlineData("172.0.1.3:4221", "nats.nats:8222", "172.0.1.3:8222")]
    [InlineData("172.0.1.3:4221", "nats.nats", "172.0.1.3")]
    [InlineData("[fd00::3]:4222", "nats.nats:8222", "[fd00::3]:8222")]
    [InlineData("10.0.0.1:4222", "[fd00::1]:8222", "10.0.0.1:8222")]
    public void NodeHostPort_ConnectUrl_TakesItsHostAndTheConfiguredPort(string connectUrl, string endpoint, string expected)
    {
        NatsMonitoringUrls.NodeHostPort(connectUrl, endpoint).ShouldBe(expected);
    }

    // KEDA's TestNATSJetStreamMonitoringNodeURLByNodeEncoding: the node is the first label of a route URL.
    [Theory]
    [InlineData("leader.localhost.nats.svc:8222", "leader")]
    [InlineData("nats-1.nats.nats.svc:6222", "nats-1")]
    [InlineData("nats-1:6222", "nats-1:6222")]
    public void NodeName_RouteUrl_IsItsFirstLabel(string routeUrl, string expected)
    {
        NatsMonitoringUrls.NodeName(routeUrl).ShouldBe(expected);
    }

    [Theory]
    [InlineData("nats.nats:8222", true)]
    [InlineData("nats.nats", true)]
    [InlineData("127.0.0.1:8222", true)]
    [InlineData("[::1]:8222", true)]
    [InlineData("http://nats:8222", false)]
    [InlineData("nats:8222/jsz", false)]
    [InlineData("user@nats:8222", false)]
    [InlineData("nats:port", false)]
    [InlineData("", false)]
    public void IsHostPort_Endpoint_AcceptsOnlyHostAndPort(string endpoint, bool expected)
    {
        NatsMonitoringUrls.IsHostPort(endpoint).ShouldBe(expected);
    }
}
