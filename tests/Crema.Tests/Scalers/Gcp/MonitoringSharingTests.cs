using Crema.Abstractions;
using Crema.Scalers;
using Crema.Scalers.Gcp.Monitoring;

namespace Crema.Tests.Scalers.Gcp;

public sealed class MonitoringSharingTests
{
    [Fact]
    public void Get_SameServicesEndpointAndCredential_ReturnsOneSharedClient()
    {
        var services = new DefaultScalerServices();
        var env = new Dictionary<string, string> { ["CREMA_MONITORING_ENDPOINT"] = "http://127.0.0.1:9/" };
        var a = GcpTestContext.Create("gcp-pubsub", new Dictionary<string, string>(), env, services: services);
        var b = GcpTestContext.Create("gcp-cloudtasks", new Dictionary<string, string>(), env, services: services);

        var first = MonitoringClientPool.Get(a, GcpCredentials.DaemonIdentity);
        var second = MonitoringClientPool.Get(b, GcpCredentials.DaemonIdentity);

        second.ShouldBeSameAs(first);
        first.IsLocalFake.ShouldBeTrue();
    }

    [Fact]
    public void Get_DifferentKeys_GetDifferentClients()
    {
        var services = new DefaultScalerServices();
        var context = GcpTestContext.Create("gcp-pubsub", new Dictionary<string, string>(), services: services);
        var key = Credentials(GcpTestContext.ServiceAccountJson("a@p.iam.gserviceaccount.com"));

        var withKey = MonitoringClientPool.Get(context, key);
        var withAdc = MonitoringClientPool.Get(context, GcpCredentials.DaemonIdentity);

        withKey.ShouldNotBeSameAs(withAdc);
        withKey.Identity.ShouldBe("service account a@p.iam.gserviceaccount.com");
        withKey.Endpoint.ShouldBe(new Uri("https://monitoring.googleapis.com/"));
    }

    [Fact]
    public void For_SameKeyTwice_SharesOneTokenSource()
    {
        var json = GcpTestContext.ServiceAccountJson();

        var first = ServiceAccountTokenSource.For(Credentials(json));
        var second = ServiceAccountTokenSource.For(Credentials(json));

        second.ShouldBeSameAs(first);
    }

    [Theory]
    [InlineData(null, "https://monitoring.googleapis.com/")]
    [InlineData("http://127.0.0.1:8085", "http://127.0.0.1:8085/")]
    [InlineData("https://proxy.example/monitoring", "https://proxy.example/monitoring/")]
    public void ResolveEndpoint_Variable_GivesBaseUrlWithTrailingSlash(string? value, string expected)
    {
        MonitoringClientPool.ResolveEndpoint(_ => value).ShouldBe(new Uri(expected));
    }

    [Fact]
    public void ResolveEndpoint_NotAUrl_Throws()
    {
        Should.Throw<InvalidOperationException>(() => MonitoringClientPool.ResolveEndpoint(_ => "monitoring:443"))
            .Message.ShouldContain("CREMA_MONITORING_ENDPOINT");
    }

    [Fact]
    public void CreateRegistry_HasTheThreeGcpTriggers()
    {
        var registry = BuiltInScalers.CreateRegistry();

        registry.KnownTypes.ShouldContain("gcp-pubsub");
        registry.KnownTypes.ShouldContain("gcp-stackdriver");
        registry.KnownTypes.ShouldContain("gcp-cloudtasks");
    }

    private static GcpCredentials Credentials(string json)
    {
        var factory = new Crema.Scalers.Gcp.PubSub.PubSubScalerFactory();
        var (metadata, errors) = factory.BindForTest(GcpTestContext.Create("gcp-pubsub",
            new Dictionary<string, string> { ["subscriptionName"] = "sub1" },
            authParams: new Dictionary<string, string> { ["GoogleApplicationCredentials"] = json }));
        errors.ShouldBeEmpty();
        return metadata.Credentials;
    }
}
