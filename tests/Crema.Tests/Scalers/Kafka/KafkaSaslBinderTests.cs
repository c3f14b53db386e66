using Crema.Abstractions;
using Crema.Scalers.Kafka;

namespace Crema.Tests.Scalers.Kafka;

/// <summary>The kafka trigger's OAUTHBEARER, Google identity and keyPassword settings.</summary>
public sealed class KafkaSaslBinderTests
{
    private static (KafkaMetadata Metadata, IReadOnlyList<MetadataError> Errors) Bind(
        Dictionary<string, string> metadata, Dictionary<string, string> auth, bool podIdentity = false, bool validationOnly = false)
    {
        metadata.TryAdd("bootstrapServers", "k:9092");
        metadata.TryAdd("consumerGroup", "g");
        return new KafkaScalerFactory().BindForTest(new ScalerContext
        {
            TriggerType = "kafka", TriggerName = "0", ScaledObjectName = "so", Metadata = metadata, AuthParams = auth,
            UsePodIdentity = podIdentity, ValidationOnly = validationOnly,
        });
    }

    [Fact]
    public void Bind_OAuthBearer_ReadsEndpointScopesAndExtensions()
    {
        var (m, errors) = Bind(new() { ["sasl"] = "oauthbearer", ["saslTokenProvider"] = "bearer" }, new()
        {
            ["username"] = "client", ["password"] = "secret", ["oauthTokenEndpointUri"] = "https://idp.example/oauth2/token",
            ["scopes"] = "a, b,,c", ["oauthExtensions"] = "logicalCluster=lkc-1, identityPoolId=pool-2",
        });

        errors.ShouldBeEmpty();
        m.Sasl!.Mechanism.ShouldBe(KafkaSaslMechanism.OAuthBearer);
        (m.Sasl.Username, m.Sasl.Password).ShouldBe(("client", "secret"));
        m.Sasl.OAuth!.TokenEndpoint.ShouldBe(new Uri("https://idp.example/oauth2/token"));
        m.Sasl.OAuth.Scopes.ShouldBe(["a", "b", "c"]);
        m.Sasl.OAuth.Extensions.ShouldBe(new Dictionary<string, string> { ["logicalCluster"] = "lkc-1", ["identityPoolId"] = "pool-2" });
        m.ToString().ShouldNotContain("secret");
    }

    [Fact]
    public void Bind_OAuthBearerWithoutEndpointOrCredentials_ReportsEach()
    {
        var (_, errors) = Bind(new() { ["sasl"] = "oauthbearer" }, new() { ["oauthExtensions"] = "novalue" });

        errors.Select(e => (e.Key, e.Message)).ShouldBe(
            [
                ("oauthTokenEndpointUri", "is required" + MetadataError.AuthenticationRefHint),
                ("oauthExtensions", "\"novalue\" is not key=value"),
                ("username", "is required" + MetadataError.AuthenticationRefHint),
                ("password", "is required" + MetadataError.AuthenticationRefHint),
            ],
            ignoreOrder: true);
    }

    [Theory]
    [InlineData("saslTokenProvider", "aws_msk_iam", "\"aws_msk_iam\" is not supported by crema (use bearer)")]
    [InlineData("saslTokenProvider", "kerberos", "\"kerberos\" is not one of: bearer, aws_msk_iam")]
    public void Bind_UnsupportedTokenProvider_Fails(string key, string value, string message)
    {
        var (_, errors) = Bind(new() { ["sasl"] = "oauthbearer", [key] = value }, new() { ["username"] = "c", ["password"] = "s" });

        errors.ShouldContain(e => e.Key == key && e.Message == message);
    }

    [Fact]
    public void Bind_OAuthEndpointNotHttp_Fails()
    {
        var (_, errors) = Bind(new() { ["sasl"] = "oauthbearer" }, new() { ["username"] = "c", ["password"] = "s", ["oauthTokenEndpointUri"] = "ftp://idp/token" });

        errors.ShouldContain(e => e.Key == "oauthTokenEndpointUri" && e.Message == "is not an absolute http or https URL");
    }

    [Theory]
    [InlineData("plaintext", "Plain")]
    [InlineData("oauthbearer", "OAuthBearer")]
    public void Bind_PodIdentityGcp_UsesGoogleIdentityWithPrincipalEmail(string sasl, string name)
    {
        var mechanism = Enum.Parse<KafkaSaslMechanism>(name);
        var (m, errors) = Bind(new() { ["sasl"] = sasl, ["tls"] = "enable" }, new() { ["username"] = "crema@p.iam.gserviceaccount.com" }, podIdentity: true);

        errors.ShouldBeEmpty();
        m.Sasl.ShouldBe(new KafkaSaslOptions(mechanism, "crema@p.iam.gserviceaccount.com", string.Empty) { UseGoogleIdentity = true });
    }

    [Fact]
    public void Bind_PodIdentityGcpWithScramPasswordOrNoEmail_ReportsEach()
    {
        Bind(new() { ["sasl"] = "scram_sha256" }, new() { ["username"] = "a@b" }, podIdentity: true).Errors
            .ShouldContain(e => e.Key == "sasl" && e.Message.StartsWith("podIdentity gcp needs sasl plaintext or oauthbearer", StringComparison.Ordinal));
        Bind(new() { ["sasl"] = "plaintext" }, new() { ["username"] = "a@b", ["password"] = "p" }, podIdentity: true).Errors
            .ShouldContain(e => e.Key == "password");
        Bind(new() { ["sasl"] = "plaintext" }, new() { ["username"] = "not-an-email" }, podIdentity: true).Errors
            .ShouldContain(e => e.Key == "username" && e.Message.Contains("is not a principal email", StringComparison.Ordinal));
        Bind(new() { ["sasl"] = "oauthbearer" }, [], podIdentity: true).Errors.Select(e => e.Key).ShouldBe(["username"]);
    }

    [Fact]
    public void Bind_KeyPassword_IsReadForAnEncryptedKey()
    {
        var (m, errors) = Bind(new() { ["tls"] = "enable" }, new() { ["cert"] = "C", ["key"] = "K", ["keyPassword"] = "kp-123" });

        errors.ShouldBeEmpty();
        m.Tls.ShouldBe(new KafkaTlsOptions(false, null, "C", "K", "kp-123"));
        m.Tls!.ToString().ShouldNotContain("kp-123");
    }

    [Fact]
    public void Validate_OAuthBearerDeclaredSecrets_AreAccepted()
    {
        var (_, errors) = Bind(
            new() { ["sasl"] = "oauthbearer" },
            new() { ["username"] = "", ["password"] = "", ["oauthTokenEndpointUri"] = "", ["scopes"] = "" },
            validationOnly: true);

        errors.ShouldBeEmpty();
    }
}
