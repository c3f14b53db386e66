using System.Text;
using Crema.Abstractions;
using Crema.Scalers.Http;
using Crema.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Crema.Tests.Scalers.Http;

/// <summary>The one HTTP helper every HTTP scaler uses: credentials, redirects, size cap, timeout, redaction.</summary>
public sealed class HttpSourceTests
{
    private static readonly HttpClient Client = new(HttpClientSettings.Default.CreateHandler());

    private static HttpAuthentication Auth(string modes, string authParams, string metadata = "")
    {
        var binder = new MetadataBinder(TestTriggers.For("t", $"authModes={modes}|{metadata}", authParams));
        var auth = HttpAuthentication.Bind(binder, HttpAuthModes.All);
        binder.Errors.ShouldBeEmpty();
        return auth;
    }

    private static HttpSource Source(HttpAuthentication? auth = null, IReadOnlyDictionary<string, string>? headers = null, long maxBytes = HttpSourceOptions.DefaultMaxResponseBytes, TimeProvider? time = null, TimeSpan? timeout = null) =>
        new(Client, new HttpSourceOptions
        {
            Operation = "test read",
            Authentication = auth ?? HttpAuthentication.None,
            Headers = headers ?? new Dictionary<string, string>(),
            MaxResponseBytes = maxBytes,
            Timeout = timeout ?? TimeSpan.FromSeconds(10),
        }, time ?? TimeProvider.System);

    [Fact]
    public async Task GetAsync_Basic_SendsTheEncodedHeader()
    {
        await using var stub = await HttpStub.StartAsync(200, "{}");

        await Source(Auth("basic", "username=bob|password=hunter2")).GetAsync(stub.BaseAddress + "/m", default);

        stub.Requests.Single().Headers["Authorization"].ShouldBe("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("bob:hunter2")));
    }

    [Theory]
    [InlineData("", "X-API-KEY", false)]
    [InlineData("|keyParamName=X-Token", "X-Token", false)]
    [InlineData("|method=query", "api_key", true)]
    [InlineData("|method=query|keyParamName=token", "token", true)]
    public async Task GetAsync_ApiKey_GoesInTheHeaderOrQueryKedaNames(string metadata, string name, bool inQuery)
    {
        await using var stub = await HttpStub.StartAsync(200, "{}");

        await Source(Auth("apiKey", "apiKey=k-123", metadata)).GetAsync(stub.BaseAddress + "/m?x=1", default);

        var request = stub.Requests.Single();
        if (inQuery)
        {
            request.Query[name].ShouldBe("k-123");
            request.Query["x"].ShouldBe("1");
        }
        else
        {
            request.Headers[name].ShouldBe("k-123");
        }
    }

    [Fact]
    public async Task GetAsync_ErrorEchoingTheRequest_RedactsEveryCredentialForm()
    {
        // A server that answers 401 and echoes the request's headers and query back.
        await using var stub = await HttpStub.StartAsync(async context =>
        {
            context.Response.StatusCode = 401;
            var echo = string.Join(" ", context.Request.Headers.Select(h => $"{h.Key}: {h.Value}")) + " " + context.Request.QueryString;
            await context.Response.WriteAsync(echo);
        });
        var auth = Auth("basic,custom,apiKey", "username=bob|password=hunter2|customAuthHeader=X-Custom|customAuthValue=cv-secret|apiKey=ak/secret", "method=query");
        var headers = new Dictionary<string, string> { ["X-Tenant-Token"] = "hdr-secret" };

        var error = await Should.ThrowAsync<HttpSourceException>(() => Source(auth, headers).GetAsync(stub.BaseAddress + "/m", default));

        error.StatusCode.ShouldBe(401);
        error.Message.ShouldStartWith("test read failed: HTTP 401 Unauthorized: ");
        foreach (var secret in new[] { "hunter2", Convert.ToBase64String(Encoding.UTF8.GetBytes("bob:hunter2")), "cv-secret", "ak/secret", Uri.EscapeDataString("ak/secret"), "hdr-secret" })
        {
            error.Message.ShouldNotContain(secret);
        }
        error.Message.ShouldContain(SecretRedactor.Redacted);
    }

    [Fact]
    public async Task GetAsync_RedirectToTheSameHost_IsFollowedWithCredentials()
    {
        await using var stub = await HttpStub.StartAsync(context =>
        {
            if (context.Request.Path == "/old")
            {
                context.Response.StatusCode = 302;
                context.Response.Headers.Location = "/new";
                return Task.CompletedTask;
            }
            return context.Response.WriteAsync("ok");
        });

        var response = await Source(Auth("bearer", "bearerToken=tok")).GetAsync(stub.BaseAddress + "/old", default);

        response.Text.ShouldBe("ok");
        stub.Requests.Select(r => (r.Path, r.Headers["Authorization"])).ShouldBe([("/old", "Bearer tok"), ("/new", "Bearer tok")]);
    }

    [Fact]
    public async Task GetAsync_RedirectToAnotherHost_FailsWithoutSendingAnything()
    {
        await using var elsewhere = await HttpStub.StartAsync(200, "stolen");
        await using var stub = await HttpStub.StartAsync(context =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = elsewhere.BaseAddress + "/collect";
            return Task.CompletedTask;
        });
        var auth = Auth("custom", "customAuthHeader=X-Key|customAuthValue=secret");

        var error = await Should.ThrowAsync<HttpSourceException>(() => Source(auth, new Dictionary<string, string> { ["X-Other"] = "h" }).GetAsync(stub.BaseAddress + "/m", default));

        error.Message.ShouldContain("redirected to another host");
        error.Message.ShouldNotContain("secret");
        elsewhere.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task GetAsync_ResponseOverTheCap_FailsWithoutReadingItAll()
    {
        await using var stub = await HttpStub.StartAsync(async context =>
        {
            // No Content-Length (chunked), so the cap must be enforced while reading.
            var chunk = new byte[64 * 1024];
            for (var i = 0; i < 64; i++)
            {
                await context.Response.Body.WriteAsync(chunk);
            }
        });

        var error = await Should.ThrowAsync<HttpSourceException>(() => Source(maxBytes: 1024 * 1024).GetAsync(stub.BaseAddress + "/big", default));

        error.Message.ShouldBe("test read failed: the response is larger than 1024 KiB, the most Crema reads; narrow the query or endpoint");
    }

    [Fact]
    public async Task GetAsync_DeclaredLengthOverTheCap_FailsAtTheHeaders()
    {
        await using var stub = await HttpStub.StartAsync(context =>
        {
            context.Response.ContentLength = 10_000;
            return context.Response.Body.WriteAsync(new byte[10_000]).AsTask();
        });

        await Should.ThrowAsync<HttpSourceException>(() => Source(maxBytes: 1000).GetAsync(stub.BaseAddress + "/big", default));
    }

    [Fact]
    public async Task GetAsync_SlowServer_TimesOutOnTheInjectedClock()
    {
        var release = new TaskCompletionSource();
        await using var stub = await HttpStub.StartAsync(async _ => await release.Task);
        var time = new TimerSignallingTimeProvider();
        try
        {
            var read = Source(time: time, timeout: TimeSpan.FromSeconds(3)).GetAsync(stub.BaseAddress + "/slow", default);
            await time.WaitForDelayAsync(1);
            time.Advance(TimeSpan.FromSeconds(3));

            var error = await Should.ThrowAsync<TimeoutException>(() => read);
            error.Message.ShouldBe("test read timed out after 3000ms");
        }
        finally
        {
            release.SetResult();
        }
    }

    [Fact]
    public async Task GetAsync_ControlCharactersInAnErrorBody_AreEscaped()
    {
        await using var stub = await HttpStub.StartAsync(500, "bad\u001b[2Jthing\u000cx");

        var error = await Should.ThrowAsync<HttpSourceException>(() => Source().GetAsync(stub.BaseAddress + "/m", default));

        error.Message.ShouldEndWith(@"bad\x1b[2Jthing\x0cx");
    }

    [Fact]
    public async Task GetAsync_OAuth_FetchesATokenOnceAndSendsIt()
    {
        var tokenRequests = 0;
        await using var tokens = await HttpStub.StartAsync(async context =>
        {
            tokenRequests++;
            var form = await context.Request.ReadFormAsync();
            form["grant_type"].ToString().ShouldBe("client_credentials");
            form["scope"].ToString().ShouldBe("read write");
            form["audience"].ToString().ShouldBe("api");
            context.Request.Headers.Authorization.ToString().ShouldBe("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("cid:csecret")));
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"access_token":"at-1","token_type":"bearer","expires_in":3600}""");
        });
        await using var stub = await HttpStub.StartAsync(200, "{}");
        var source = Source(Auth("oauth", $"oauthTokenURI={tokens.BaseAddress}/token|clientID=cid|clientSecret=csecret|scopes=read,write|endpointParams=audience=api"));

        await source.GetAsync(stub.BaseAddress + "/m", default);
        await source.GetAsync(stub.BaseAddress + "/m", default);

        tokenRequests.ShouldBe(1);
        stub.Requests.Select(r => r.Headers["Authorization"]).ShouldBe(["Bearer at-1", "Bearer at-1"]);
    }

    [Fact]
    public async Task GetAsync_OAuthRejected_NamesTheClientNotTheSecret()
    {
        await using var tokens = await HttpStub.StartAsync(401, """{"error":"invalid_client","echo":"csecret"}""");
        await using var stub = await HttpStub.StartAsync(200, "{}");
        var source = Source(Auth("oauth", $"oauthTokenURI={tokens.BaseAddress}/token|clientID=cid|clientSecret=csecret"));

        var error = await Should.ThrowAsync<HttpSourceException>(() => source.GetAsync(stub.BaseAddress + "/m", default));

        error.Message.ShouldStartWith($"oauth token request to {tokens.BaseAddress}/token failed for client \"cid\": HTTP 401");
        error.Message.ShouldNotContain("csecret");
        stub.Requests.ShouldBeEmpty();
    }
}
