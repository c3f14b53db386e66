using System.Net;
using System.Text;
using Crema.Google;
using Crema.Google.Secrets;

namespace Crema.Tests.Google;

public sealed class SecretManagerClientTests
{
    private const string Secret = "s3cr3t-value";

    [Fact]
    public async Task AccessAsync_ChecksumMatches_ReturnsPayloadFromVersionAccessUrl()
    {
        var handler = new StubGoogleHandler(HttpStatusCode.OK, Reply(Secret, Crc32C.Compute(Encoding.UTF8.GetBytes(Secret))));
        var client = Client(handler, "https://secretmanager.googleapis.com/", new FixedTokenSource("tok"));

        var bytes = await client.AccessAsync("proj", "api-key", "latest", CancellationToken.None);

        Encoding.UTF8.GetString(bytes).ShouldBe(Secret);
        handler.Last.RequestUri!.AbsoluteUri.ShouldBe("https://secretmanager.googleapis.com/v1/projects/proj/secrets/api-key/versions/latest:access");
        handler.Last.Headers.Authorization!.ToString().ShouldBe("Bearer tok");
    }

    [Fact]
    public async Task AccessAsync_ChecksumMismatch_ThrowsDataLossWithoutThePayload()
    {
        var handler = new StubGoogleHandler(HttpStatusCode.OK, Reply(Secret, 12345));
        var client = Client(handler, "https://secretmanager.googleapis.com/", tokens: null);

        var error = await Should.ThrowAsync<GoogleApiException>(() => client.AccessAsync("proj", "api-key", "3", CancellationToken.None));

        error.GoogleStatus.ShouldBe("DATA_LOSS");
        error.Message.ShouldContain("projects/proj/secrets/api-key/versions/3");
        error.Message.ShouldNotContain(Secret);
    }

    [Fact]
    public async Task AccessAsync_FullSecretNameOnLoopbackHttp_IgnoresProjectAndSendsNoCredentials()
    {
        var handler = new StubGoogleHandler(HttpStatusCode.OK, Reply(Secret, Crc32C.Compute(Encoding.UTF8.GetBytes(Secret))));
        var tokens = new FixedTokenSource("tok");
        var client = Client(handler, "http://127.0.0.1:9000/", tokens);

        await client.AccessAsync("ignored", "projects/other/secrets/db", "2", CancellationToken.None);

        handler.Last.RequestUri!.AbsoluteUri.ShouldBe("http://127.0.0.1:9000/v1/projects/other/secrets/db/versions/2:access");
        handler.Last.Headers.Authorization.ShouldBeNull();
        tokens.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task AccessAsync_NotFound_ThrowsWithGoogleStatusAndSecretName()
    {
        var handler = new StubGoogleHandler(
            HttpStatusCode.NotFound,
            """{"error":{"code":404,"message":"Secret [projects/1/secrets/gone] not found or has no versions.","status":"NOT_FOUND"}}""");
        var client = Client(handler, "https://secretmanager.googleapis.com/", tokens: null);

        var error = await Should.ThrowAsync<GoogleApiException>(() => client.AccessAsync("proj", "gone", "latest", CancellationToken.None));

        error.HttpStatus.ShouldBe(404);
        error.GoogleStatus.ShouldBe("NOT_FOUND");
        error.Message.ShouldContain("projects/proj/secrets/gone/versions/latest");
        handler.Requests.Count.ShouldBe(1);
    }

    private static SecretManagerClient Client(StubGoogleHandler handler, string endpoint, FixedTokenSource? tokens) =>
        new(new HttpClient(handler), new Uri(endpoint), tokens, TimeProvider.System);

    private static string Reply(string data, long crc) =>
        $$$"""{"name":"projects/1/secrets/api-key/versions/3","payload":{"data":"{{{Convert.ToBase64String(Encoding.UTF8.GetBytes(data))}}}","dataCrc32c":"{{{crc}}}"}}""";
}
