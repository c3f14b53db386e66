using Crema.Google;

namespace Crema.Tests.Google;

public sealed class GoogleEndpointsTests
{
    [Fact]
    public void FromEnvironment_NothingSet_UsesPublicEndpoints()
    {
        var endpoints = GoogleEndpoints.FromEnvironment(_ => null);

        endpoints.Run.ShouldBe(new Uri("https://run.googleapis.com/"));
        endpoints.Monitoring.ShouldBe(new Uri("https://monitoring.googleapis.com/"));
        endpoints.SecretManager.ShouldBe(new Uri("https://secretmanager.googleapis.com/"));
        endpoints.ParameterManager.ShouldBeNull();
    }

    [Fact]
    public void FromEnvironment_RunOverride_AddsTrailingSlash()
    {
        var endpoints = GoogleEndpoints.FromEnvironment(name => name == "CREMA_RUN_ENDPOINT" ? "http://127.0.0.1:8123" : " ");

        endpoints.Run.ShouldBe(new Uri("http://127.0.0.1:8123/"));
        endpoints.Monitoring.ShouldBe(GoogleEndpoints.Default.Monitoring);
    }

    [Fact]
    public void FromEnvironment_NotAUrl_ThrowsNamingTheVariable() =>
        Should.Throw<ArgumentException>(() => GoogleEndpoints.FromEnvironment(name => name == "CREMA_MONITORING_ENDPOINT" ? "ftp://x" : null))
            .Message.ShouldContain("CREMA_MONITORING_ENDPOINT");

    [Theory]
    [InlineData("https://run.googleapis.com/", true)]
    [InlineData("http://127.0.0.1:8080/", false)]
    [InlineData("http://emulator:8080/", false)]
    public void SendsCredentials_Scheme_OnlyHttpsGetsATokens(string endpoint, bool expected) =>
        GoogleEndpoints.SendsCredentials(new Uri(endpoint)).ShouldBe(expected);
}
