using System.Net;
using System.Text;
using Crema.Google;
using Crema.Google.Secrets;

namespace Crema.Tests.Google;

public sealed class ParameterManagerClientTests
{
    private const string Yaml = "scaledObjects: []\n";
    private static readonly string RenderReply =
        $$"""{"parameterVersion":"x","payload":{"data":"e30="},"renderedPayload":"{{Convert.ToBase64String(Encoding.UTF8.GetBytes(Yaml))}}"}""";

    [Theory]
    [InlineData("global", "https://parametermanager.googleapis.com/v1/projects/p/locations/global/parameters/crema/versions/v1:render")]
    [InlineData("europe-west1", "https://parametermanager.europe-west1.rep.googleapis.com/v1/projects/p/locations/europe-west1/parameters/crema/versions/v1:render")]
    public async Task RenderAsync_Location_UsesGlobalOrRegionalEndpointAndDecodesPayload(string location, string expectedUrl)
    {
        var handler = new StubGoogleHandler(HttpStatusCode.OK, RenderReply);
        var client = new ParameterManagerClient(new HttpClient(handler), GoogleEndpoints.Default, new FixedTokenSource("t"), TimeProvider.System);

        var text = await client.RenderAsync($"projects/p/locations/{location}/parameters/crema/versions/v1", CancellationToken.None);

        text.ShouldBe(Yaml);
        handler.Last.RequestUri!.AbsoluteUri.ShouldBe(expectedUrl);
    }

    [Fact]
    public async Task RenderAsync_EndpointOverride_WinsOverRegionalEndpoint()
    {
        var handler = new StubGoogleHandler(HttpStatusCode.OK, RenderReply);
        var endpoints = GoogleEndpoints.FromEnvironment(name => name == "CREMA_PARAMETERMANAGER_ENDPOINT" ? "http://127.0.0.1:7000" : null);
        var client = new ParameterManagerClient(new HttpClient(handler), endpoints, new FixedTokenSource("t"), TimeProvider.System);

        await client.RenderAsync("projects/p/locations/us-east1/parameters/crema/versions/3", CancellationToken.None);

        handler.Last.RequestUri!.AbsoluteUri.ShouldBe("http://127.0.0.1:7000/v1/projects/p/locations/us-east1/parameters/crema/versions/3:render");
        handler.Last.Headers.Authorization.ShouldBeNull();
    }

    [Fact]
    public async Task RenderAsync_MalformedName_ThrowsArgumentExceptionShowingTheForm()
    {
        var client = new ParameterManagerClient(new HttpClient(new StubGoogleHandler(HttpStatusCode.OK, "{}")), GoogleEndpoints.Default, null, TimeProvider.System);

        var error = await Should.ThrowAsync<ArgumentException>(() => client.RenderAsync("projects/p/parameters/x", CancellationToken.None));

        error.Message.ShouldContain("projects/PROJECT/locations/LOCATION/parameters/NAME/versions/VERSION");
    }

    [Fact]
    public async Task RenderAsync_PermissionDenied_ThrowsNamingTheParameter()
    {
        var handler = new StubGoogleHandler(HttpStatusCode.Forbidden, """{"error":{"code":403,"message":"Permission denied","status":"PERMISSION_DENIED"}}""");
        var client = new ParameterManagerClient(new HttpClient(handler), GoogleEndpoints.Default, null, TimeProvider.System);

        var error = await Should.ThrowAsync<GoogleApiException>(() => client.RenderAsync("projects/p/locations/global/parameters/c/versions/1", CancellationToken.None));

        error.GoogleStatus.ShouldBe("PERMISSION_DENIED");
        error.Message.ShouldContain("projects/p/locations/global/parameters/c/versions/1");
    }
}
