using System.Text;
using System.Text.Json;
using Crema.Abstractions;
using Crema.Scalers.Kafka;
using Crema.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Crema.Tests.Scalers.Kafka;

/// <summary>SASL against the mock brokers through librdkafka: PLAIN, OAUTHBEARER from a token endpoint, and Google identity.</summary>
[Collection(KafkaMockBrokerCollection.Name)]
public sealed class KafkaSaslIntegrationTests
{
    private static KafkaMockState Orders(KafkaMockSasl sasl) => new()
    {
        Topics = new Dictionary<string, int> { ["orders"] = 2 },
        EndOffsets = new Dictionary<string, IReadOnlyDictionary<int, long>> { ["orders"] = new Dictionary<int, long> { [0] = 1000, [1] = 500 } },
        Committed = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<int, long>>>
        {
            ["g1"] = new Dictionary<string, IReadOnlyDictionary<int, long>> { ["orders"] = new Dictionary<int, long> { [0] = 900, [1] = 450 } },
        },
        Sasl = sasl,
    };

    [Fact]
    public async Task ReadAsync_PlainWithRightPassword_ReadsLag()
    {
        await using var broker = new KafkaMockBroker();
        var bootstrap = await broker.StartAsync(Orders(new KafkaMockSasl { Username = "alice", Password = "s3cret-pw" }));
        await using var scaler = KafkaTestContexts.Create(KafkaTestContexts.Context(bootstrap, new() { ["sasl"] = "plaintext" }, new() { ["username"] = "alice", ["password"] = "s3cret-pw" }));

        (await scaler.ReadAsync(CancellationToken.None)).Value.ShouldBe(150);

        (await broker.GetAuthenticationsAsync()).ShouldAllBe(a => a.Mechanism == "PLAIN" && a.Username == "alice" && a.Accepted);
    }

    [Fact]
    public async Task ReadAsync_PlainWithWrongPassword_FailsNamingBrokerAndUserButNotPassword()
    {
        await using var broker = new KafkaMockBroker();
        var bootstrap = await broker.StartAsync(Orders(new KafkaMockSasl { Username = "alice", Password = "s3cret-pw" }));
        await using var scaler = KafkaTestContexts.Create(KafkaTestContexts.Context(bootstrap, new() { ["sasl"] = "plaintext" }, new() { ["username"] = "alice", ["password"] = "wrong-pw-123" }));

        var error = await Should.ThrowAsync<KafkaReadException>(async () => await scaler.ReadAsync(CancellationToken.None));

        error.Message.ShouldContain(bootstrap);
        error.Message.ShouldContain("\"alice\"");
        error.Message.ShouldContain("Invalid username or password");
        error.Message.ShouldNotContain("wrong-pw-123");
        error.Message.ShouldNotContain("s3cret-pw");
        (await broker.GetAuthenticationsAsync()).ShouldContain(a => !a.Accepted);
    }

    [Fact]
    public async Task ReadAsync_OAuthBearer_SendsTokenFromEndpointWithExtensions()
    {
        var requests = new List<(string? Authorization, string Form)>();
        await using var endpoint = await LoopbackWebApp.StartAsync(app => app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await new StreamReader(request.Body).ReadToEndAsync();
            lock (requests)
            {
                requests.Add((request.Headers.Authorization.ToString(), form));
            }
            return Results.Json(new { access_token = "opaque-token-1", token_type = "Bearer", expires_in = 3600 });
        }));
        await using var broker = new KafkaMockBroker();
        var bootstrap = await broker.StartAsync(Orders(new KafkaMockSasl
        {
            Mechanisms = ["OAUTHBEARER"],
            Token = "opaque-token-1",
            Extensions = new Dictionary<string, string> { ["logicalCluster"] = "lkc-1" },
        }));
        var auth = new Dictionary<string, string>
        {
            ["username"] = "client-1", ["password"] = "client-secret-1", ["oauthTokenEndpointUri"] = endpoint.BaseAddress + "/token",
            ["scopes"] = "kafka.read, kafka.describe", ["oauthExtensions"] = "logicalCluster=lkc-1",
        };
        await using var scaler = KafkaTestContexts.Create(KafkaTestContexts.Context(bootstrap, new() { ["sasl"] = "oauthbearer" }, auth));

        (await scaler.ReadAsync(CancellationToken.None)).Value.ShouldBe(150);

        var (authorization, form) = requests[0];
        authorization.ShouldBe("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("client-1:client-secret-1")));
        form.ShouldBe("grant_type=client_credentials&scope=kafka.read+kafka.describe");
        (await broker.GetAuthenticationsAsync()).ShouldAllBe(a => a.Mechanism == "OAUTHBEARER" && a.Secret == "opaque-token-1" && a.Accepted);
    }

    [Fact]
    public async Task ReadAsync_TokenEndpointRefusesClient_FailsNamingEndpointAndClientButNotSecret()
    {
        await using var endpoint = await LoopbackWebApp.StartAsync(app => app.MapPost("/token", () => Results.Json(new { error = "invalid_client" }, statusCode: 401)));
        await using var broker = new KafkaMockBroker();
        var bootstrap = await broker.StartAsync(Orders(new KafkaMockSasl { Mechanisms = ["OAUTHBEARER"] }));
        var auth = new Dictionary<string, string> { ["username"] = "client-1", ["password"] = "client-secret-1", ["oauthTokenEndpointUri"] = endpoint.BaseAddress + "/token" };
        await using var scaler = KafkaTestContexts.Create(KafkaTestContexts.Context(bootstrap, new() { ["sasl"] = "oauthbearer" }, auth));

        var error = await Should.ThrowAsync<KafkaReadException>(async () => await scaler.ReadAsync(CancellationToken.None));

        error.Message.ShouldContain(endpoint.BaseAddress + "/token");
        error.Message.ShouldContain("\"client-1\"");
        error.Message.ShouldContain("HTTP 401");
        error.Message.ShouldNotContain("client-secret-1");
    }

    [Fact]
    public async Task ReadAsync_GooglePlain_SendsPrincipalEmailAndAccessToken()
    {
        const string Email = "crema@project.iam.gserviceaccount.com";
        var tokens = new RecordingGoogleTokens("ya29.access-token");
        await using var broker = new KafkaMockBroker();
        var bootstrap = await broker.StartAsync(Orders(new KafkaMockSasl { Username = Email, Password = "ya29.access-token" }));
        var context = KafkaTestContexts.Context(bootstrap, new() { ["sasl"] = "plaintext" }, new() { ["username"] = Email }, new DefaultScalerServices(tokens), podIdentity: true);
        await using var scaler = KafkaTestContexts.Create(context);

        (await scaler.ReadAsync(CancellationToken.None)).Value.ShouldBe(150);

        tokens.Scopes.ShouldAllBe(s => s == GoogleKafkaTokenProvider.Scope);
        (await broker.GetAuthenticationsAsync()).ShouldAllBe(a => a.Username == Email && a.Accepted);
    }

    [Fact]
    public async Task ReadAsync_GoogleOAuthBearer_SendsGoogleShapedToken()
    {
        const string Email = "crema@project.iam.gserviceaccount.com";
        var tokens = new RecordingGoogleTokens("ya29.access-token");
        await using var broker = new KafkaMockBroker();
        var bootstrap = await broker.StartAsync(Orders(new KafkaMockSasl { Mechanisms = ["OAUTHBEARER"] }));
        var context = KafkaTestContexts.Context(bootstrap, new() { ["sasl"] = "oauthbearer" }, new() { ["username"] = Email }, new DefaultScalerServices(tokens), podIdentity: true);
        await using var scaler = KafkaTestContexts.Create(context);

        (await scaler.ReadAsync(CancellationToken.None)).Value.ShouldBe(150);

        var parts = (await broker.GetAuthenticationsAsync())[0].Secret.Split('.');
        parts.Length.ShouldBe(3);
        using var header = JsonDocument.Parse(Base64UrlDecode(parts[0]));
        header.RootElement.GetProperty("alg").GetString().ShouldBe("GOOG_OAUTH2_TOKEN");
        using var claims = JsonDocument.Parse(Base64UrlDecode(parts[1]));
        claims.RootElement.GetProperty("sub").GetString().ShouldBe(Email);
        claims.RootElement.GetProperty("scope").GetString().ShouldBe("kafka");
        Encoding.UTF8.GetString(Base64UrlDecode(parts[2])).ShouldBe("ya29.access-token");
    }

    private static byte[] Base64UrlDecode(string text) => System.Buffers.Text.Base64Url.DecodeFromChars(text);
}
