using System.IO.Compression;
using System.Net.Sockets;
using System.Text;
using Crema.Abstractions;
using Crema.Scalers.Http;
using Crema.Scalers.MetricsApi;
using Crema.Tests.Support;
using Microsoft.AspNetCore.Http;
using static Crema.Tests.Scalers.MetricsApi.MetricsApiTriggers;

namespace Crema.Tests.Scalers.MetricsApi;

/// <summary>What the scaler sends and how it reads answers, against a stub HTTP server on 127.0.0.1.</summary>
public sealed class MetricsApiScalerTests
{
    // The response KEDA's documentation shows for valueLocation components.worker.tasks.
    private const string Stats = """{"components": {"worker": {"tasks": 12, "queued": "1.5k"}}, "status": "ok"}""";

    private static Task<HttpStub> Serve(string body, string contentType = "application/json", int status = 200) => HttpStub.StartAsync(context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(body);
    });

    [Fact]
    public async Task ReadAsync_KedaDocumentationExample_ReadsTwelveTasks()
    {
        await using var stub = await Serve(Stats);

        var reading = await ReadAsync(stub.BaseAddress + "/api/v1/stats", "targetValue=8.8|activationTargetValue=3.8");

        reading.ShouldBe(new MetricReading(12, 8.8, IsActive: true));
    }

    [Theory]
    [InlineData("activationTargetValue=12", false)]
    [InlineData("activationTargetValue=11.99", true)]
    public async Task ReadAsync_ActiveOnlyAboveActivationTargetValue(string change, bool active)
    {
        await using var stub = await Serve(Stats);

        (await ReadAsync(stub.BaseAddress + "/s", change)).IsActive.ShouldBe(active);
    }

    [Fact]
    public async Task ReadAsync_Always_SendsOneGetToTheUrlAsWritten()
    {
        await using var stub = await Serve(Stats);

        await ReadAsync(stub.BaseAddress + "/api/v1/stats?team=a%20b&x=1", "");

        var request = stub.Requests.Single();
        request.Method.ShouldBe("GET");
        request.Path.ShouldBe("/api/v1/stats");
        request.QueryString.ShouldBe("?team=a%20b&x=1");
        request.Headers.ContainsKey("Authorization").ShouldBeFalse();
    }

    [Theory]
    [InlineData("yaml", "components:\n  worker: {tasks: 21}\n", "components.worker.tasks", 21)]
    [InlineData("xml", "<stats><components><worker><tasks>22</tasks></worker></components></stats>", "components.worker.tasks", 22)]
    [InlineData("prometheus", "# TYPE tasks gauge\ntasks{component=\"worker\"} 23\n", "tasks{component=\"worker\"}", 23)]
    [InlineData("json", Stats, "components.worker.queued", 1500)]
    public async Task ReadAsync_EachFormat_ReadsTheValueWhateverTheContentType(string format, string body, string location, double expected)
    {
        await using var stub = await Serve(body, contentType: "text/plain");

        var reading = await ReadAsync(stub.BaseAddress + "/m", $"format={format}|valueLocation={location}");

        reading.Value.ShouldBe(expected);
    }

    [Theory]
    [InlineData("authMode=apiKey", "apiKey=k-1", "X-API-KEY", false)]
    [InlineData("authMode=apiKey|keyParamName=X-Token", "apiKey=k-1", "X-Token", false)]
    [InlineData("authMode=apiKey|method=query", "apiKey=k-1", "api_key", true)]
    [InlineData("authMode=apiKey|method=query|keyParamName=QUERY_KEY", "apiKey=k-1", "QUERY_KEY", true)]
    public async Task ReadAsync_ApiKey_GoesWhereKedaPutsIt(string metadata, string auth, string name, bool inQuery)
    {
        await using var stub = await Serve(Stats);

        await ReadAsync(stub.BaseAddress + "/s?team=a", metadata, auth);

        var request = stub.Requests.Single();
        request.Query["team"].ShouldBe("a");
        if (inQuery)
        {
            request.Query[name].ShouldBe("k-1");
            request.Headers.ContainsKey(name).ShouldBeFalse();
        }
        else
        {
            request.Headers[name].ShouldBe("k-1");
            request.Query.ContainsKey("api_key").ShouldBeFalse();
        }
    }

    [Theory]
    [InlineData("authMode=basic", "username=alice|password=p@ss:word", "Basic YWxpY2U6cEBzczp3b3Jk")]
    [InlineData("authMode=basic", "username=alice", "Basic YWxpY2U6")]
    [InlineData("authMode=bearer", "token=secure-token", "Bearer secure-token")]
    [InlineData("authMode=bearer", "bearerToken=secure-token", "Bearer secure-token")]
    public async Task ReadAsync_BasicOrBearer_SendsKedasAuthorizationHeader(string metadata, string auth, string expected)
    {
        await using var stub = await Serve(Stats);

        await ReadAsync(stub.BaseAddress + "/s", metadata, auth);

        stub.Requests.Single().Headers["Authorization"].ShouldBe(expected);
    }

    [Fact]
    public async Task ReadAsync_ApiKeyAndBasicTogether_SendsBoth()
    {
        await using var stub = await Serve(Stats);

        await ReadAsync(stub.BaseAddress + "/s", "authModes=apiKey,basic", "apiKey=k-2|username=u|password=p");

        var headers = stub.Requests.Single().Headers;
        headers["X-API-KEY"].ShouldBe("k-2");
        headers["Authorization"].ShouldBe("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("u:p")));
    }

    [Theory]
    [InlineData(202)]
    [InlineData(204)]
    public async Task ReadAsync_SuccessOtherThan200_IsAnErrorAsInKeda(int status)
    {
        await using var stub = await Serve(Stats, status: status);

        var error = await Should.ThrowAsync<MetricsApiException>(() => ReadAsync(stub.BaseAddress + "/s", ""));

        error.Message.ShouldBe($"metrics-api GET {stub.BaseAddress}/s answered HTTP {status}; a value is read only from a 200 OK reply (as KEDA does)");
    }

    [Fact]
    public async Task ReadAsync_401EchoingEveryCredential_NamesNoSecret()
    {
        // A server that refuses and echoes the request's headers and query string back.
        await using var stub = await HttpStub.StartAsync(async context =>
        {
            context.Response.StatusCode = 401;
            await context.Response.WriteAsync(string.Join(" ", context.Request.Headers.Select(h => $"{h.Key}: {h.Value}")) + " " + context.Request.QueryString);
        });

        var error = await Should.ThrowAsync<HttpSourceException>(() => ReadAsync(stub.BaseAddress + "/s", "authModes=apiKey,basic|method=query", "apiKey=key/secret+1|username=bob|password=hunter2"));

        error.StatusCode.ShouldBe(401);
        error.Message.ShouldStartWith($"metrics-api GET {stub.BaseAddress}/s failed: HTTP 401 Unauthorized: ");
        foreach (var secret in new[] { "key/secret+1", Uri.EscapeDataString("key/secret+1"), "hunter2", Convert.ToBase64String(Encoding.UTF8.GetBytes("bob:hunter2")) })
        {
            error.Message.ShouldNotContain(secret);
        }
        error.Message.ShouldContain("[redacted]");
    }

    [Fact]
    public async Task ReadAsync_ValueThatEchoesALongApiKey_ItsExcerptIsRedactedToo()
    {
        const string Key = "sk-live-0123456789abcdefghijklmnopqrstuvwxyz-ABCDEFGH";
        await using var stub = await Serve($$"""{"v": "{{Key}}"}""");

        var error = await Should.ThrowAsync<MetricsApiException>(() => ReadAsync(stub.BaseAddress + "/s", "valueLocation=v|authModes=apiKey", "apiKey=" + Key));

        error.Message.ShouldBe("metrics-api: valueLocation \"v\" points to the string \"[redacted]…\", which is neither a number nor a Kubernetes quantity (such as 12, 1.5, 250m or 2Ki)",
            "the message quotes the value cut to 40 characters: those are the key's beginning");
    }

    [Fact]
    public async Task ReadAsync_ValueThatEchoesTheApiKey_IsRedactedFromTheError()
    {
        await using var stub = await Serve("""{"v": "sk-live-1234"}""");

        var error = await Should.ThrowAsync<MetricsApiException>(() => ReadAsync(stub.BaseAddress + "/s", "valueLocation=v|authModes=apiKey", "apiKey=sk-live-1234"));

        error.Message.ShouldBe("metrics-api: valueLocation \"v\" points to the string \"[redacted]\", which is neither a number nor a Kubernetes quantity (such as 12, 1.5, 250m or 2Ki)");
    }

    [Fact]
    public async Task ReadAsync_ServerDown_ReportsTheConnectionFailure()
    {
        var port = FreeTcpPort.Next();

        var error = await Should.ThrowAsync<HttpSourceException>(() => ReadAsync($"http://127.0.0.1:{port}/s", "authModes=bearer", "bearerToken=tok-down"));

        error.Message.ShouldStartWith($"metrics-api GET http://127.0.0.1:{port}/s failed: Connection refused");
        error.Message.ShouldNotContain("tok-down");
        error.InnerException.ShouldBeOfType<HttpRequestException>().InnerException.ShouldBeOfType<SocketException>();
    }

    [Fact]
    public async Task ReadAsync_BodyLargerThanTheCap_IsRefused()
    {
        await using var stub = await HttpStub.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"pad\": \"");
            var chunk = new string('x', 64 * 1024);
            for (var i = 0; i < 80; i++)
            {
                await context.Response.WriteAsync(chunk);
            }
            await context.Response.WriteAsync("\", \"v\": 1}");
        });

        var error = await Should.ThrowAsync<HttpSourceException>(() => ReadAsync(stub.BaseAddress + "/big", "valueLocation=v"));

        error.Message.ShouldBe($"metrics-api GET {stub.BaseAddress}/big failed: the response is larger than 4096 KiB, the most Crema reads; narrow the query or endpoint");
    }

    [Fact]
    public async Task ReadAsync_GzipBombAboveTheCap_IsRefusedAfterDecompression()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes("{\"v\": 1, \"pad\": \""));
            var padding = new byte[8 * 1024 * 1024];
            Array.Fill(padding, (byte)'a');
            gzip.Write(padding);
            gzip.Write(Encoding.UTF8.GetBytes("\"}"));
        }
        var bytes = compressed.ToArray();
        bytes.Length.ShouldBeLessThan(64 * 1024);
        await using var stub = await HttpStub.StartAsync(context =>
        {
            context.Response.Headers.ContentEncoding = "gzip";
            context.Response.ContentType = "application/json";
            return context.Response.Body.WriteAsync(bytes).AsTask();
        });

        var error = await Should.ThrowAsync<HttpSourceException>(() => ReadAsync(stub.BaseAddress + "/bomb", "valueLocation=v"));

        error.Message.ShouldContain("the response is larger than 4096 KiB");
    }

    [Theory]
    [InlineData("<html><body>Sign in</body></html>", "metrics-api: the response is not valid JSON (line 1, byte 0); check the url and the format key")]
    [InlineData("""{"components": {"worker": {}}}""", "metrics-api: valueLocation \"components.worker.tasks\" matches nothing in the json response")]
    [InlineData("""{"components": {"worker": {"tasks": "n/a"}}}""", "metrics-api: valueLocation \"components.worker.tasks\" points to the string \"n/a\", which is neither a number nor a Kubernetes quantity (such as 12, 1.5, 250m or 2Ki)")]
    public async Task ReadAsync_ReplyWithoutAValue_IsAPreciseError(string body, string message)
    {
        await using var stub = await Serve(body);

        var error = await Should.ThrowAsync<MetricsApiException>(() => ReadAsync(stub.BaseAddress + "/s", ""));

        error.Message.ShouldBe(message);
    }

    [Fact]
    public async Task ReadAsync_SlowServer_TimesOutOnTheInjectedClock()
    {
        var release = new TaskCompletionSource();
        await using var stub = await HttpStub.StartAsync(async _ => await release.Task);
        var time = new TimerSignallingTimeProvider();
        try
        {
            var read = ReadAsync(stub.BaseAddress + "/slow", "timeout=2s", time: time);
            await time.WaitForDelayAsync(1);
            time.Advance(TimeSpan.FromSeconds(2));

            var error = await Should.ThrowAsync<TimeoutException>(() => read);
            error.Message.ShouldBe($"metrics-api GET {stub.BaseAddress}/slow timed out after 2000ms");
        }
        finally
        {
            release.SetResult();
        }
    }

    [Fact]
    public async Task ReadAsync_RedirectOnTheSameHost_IsFollowedWithCredentials()
    {
        await using var stub = await HttpStub.StartAsync(context =>
        {
            if (context.Request.Path == "/old")
            {
                context.Response.Redirect("/new");
                return Task.CompletedTask;
            }
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(Stats);
        });

        var reading = await ReadAsync(stub.BaseAddress + "/old", "authModes=bearer", "bearerToken=t-9");

        reading.Value.ShouldBe(12);
        stub.Requests.Select(r => (r.Path, r.Headers["Authorization"])).ShouldBe(new[] { ("/old", "Bearer t-9"), ("/new", "Bearer t-9") });
    }

    [Fact]
    public async Task ReadAsync_RedirectToAnotherHost_IsRefusedAndTheCredentialStays()
    {
        await using var elsewhere = await Serve(Stats);
        await using var stub = await HttpStub.StartAsync(context =>
        {
            context.Response.Redirect(elsewhere.BaseAddress.Replace("127.0.0.1", "localhost", StringComparison.Ordinal) + "/s");
            return Task.CompletedTask;
        });

        var error = await Should.ThrowAsync<HttpSourceException>(() => ReadAsync(stub.BaseAddress + "/s", "authModes=bearer", "bearerToken=t-9"));

        error.Message.ShouldContain("redirected to another host");
        elsewhere.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task ReadAsync_CallerCancels_ThrowsOperationCanceled()
    {
        var release = new TaskCompletionSource();
        await using var stub = await HttpStub.StartAsync(async _ => await release.Task);
        await using var scaler = new MetricsApiScalerFactory().Create(Context($"url={stub.BaseAddress}/s"));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        try
        {
            await Should.ThrowAsync<OperationCanceledException>(async () => await scaler.ReadAsync(cancel.Token));
        }
        finally
        {
            release.SetResult();
        }
    }
}
