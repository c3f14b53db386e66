using Crema.Abstractions;
using Crema.Scalers.Kafka;

namespace Crema.Tests.Scalers.Kafka;

/// <summary>The kafka keys' sources, order, defaults and enums as KEDA 2.20's kafkaMetadata tags declare them.</summary>
public sealed class KafkaKeysTests
{
    private static readonly KafkaScalerFactory Factory = new();

    private static ScalerContext Context(
        Dictionary<string, string> metadata, Dictionary<string, string>? auth = null, Dictionary<string, string>? environment = null, bool podIdentity = false) => new()
        {
            TriggerType = "kafka",
            TriggerName = "0",
            ScaledObjectName = "so",
            Metadata = metadata,
            AuthParams = auth ?? [],
            Environment = name => environment?.GetValueOrDefault(name),
            UsePodIdentity = podIdentity,
        };

    private static Dictionary<string, string> Minimal(params (string Key, string Value)[] more)
    {
        var metadata = new Dictionary<string, string> { ["bootstrapServers"] = "k:9092", ["consumerGroup"] = "g" };
        foreach (var (key, value) in more)
        {
            metadata[key] = value;
        }
        return metadata;
    }

    [Fact]
    public void Bind_BootstrapServersConsumerGroupAndTopicFromEnv_AreRead()
    {
        var (m, errors) = Factory.BindForTest(Context(
            new() { ["bootstrapServersFromEnv"] = "BROKERS", ["consumerGroupFromEnv"] = "GROUP", ["topicFromEnv"] = "TOPIC" },
            environment: new() { ["BROKERS"] = "b1:9093,b2", ["GROUP"] = "workers", ["TOPIC"] = "orders" }));

        errors.ShouldBeEmpty();
        m.BootstrapServers.ShouldBe([new BrokerEndpoint("b1", 9093), new BrokerEndpoint("b2", 9092)]);
        m.ConsumerGroup.ShouldBe("workers");
        m.Topic.ShouldBe("orders");
    }

    [Theory]
    [InlineData("lagThreshold", "50")]
    [InlineData("activationLagThreshold", "5")]
    [InlineData("offsetResetPolicy", "earliest")]
    [InlineData("partitionLimitation", "1")]
    [InlineData("allowIdleConsumers", "true")]
    [InlineData("unsafeSsl", "true")]
    [InlineData("version", "2.8.0")]
    public void Validate_FromEnvOfMetadataOnlyKey_IsIgnoredWithAWarning(string key, string value)
    {
        var validation = Factory.Validate(Context(Minimal(("topic", "t"), (key + "FromEnv", "VAR")), environment: new() { ["VAR"] = value }));

        validation.IsValid.ShouldBeTrue();
        validation.UnknownKeys.ShouldBeEmpty();
        validation.Warnings.ShouldBe([new MetadataError(key + "FromEnv", $"is ignored: {key} is read only from metadata, not from the environment")]);
    }

    [Fact]
    public void Bind_LagThresholdFromEnv_KeepsTheDefault()
    {
        var (m, _) = Factory.BindForTest(Context(Minimal(("lagThresholdFromEnv", "LAG")), environment: new() { ["LAG"] = "50" }));

        m.LagThreshold.ShouldBe(10);
    }

    [Theory]
    [InlineData("tls", "disable", "enable", false)]
    [InlineData("tls", "enable", "disable", true)]
    [InlineData("tls", "", "enable", true)]
    public void Bind_TlsInMetadataAndAuthenticationRef_MetadataComesFirst(string key, string inMetadata, string inAuth, bool enabled)
    {
        var (m, errors) = Factory.BindForTest(Context(Minimal((key, inMetadata)), new() { [key] = inAuth }));

        errors.ShouldBeEmpty();
        (m.Tls is not null).ShouldBe(enabled);
    }

    [Fact]
    public void Bind_SaslInMetadataAndAuthenticationRef_MetadataComesFirst()
    {
        var (m, errors) = Factory.BindForTest(Context(Minimal(("sasl", "scram_sha256")), new() { ["sasl"] = "plaintext", ["username"] = "u", ["password"] = "p" }));

        errors.ShouldBeEmpty();
        m.Sasl!.Mechanism.ShouldBe(KafkaSaslMechanism.ScramSha256);
    }

    [Fact]
    public void Bind_SaslTokenProviderFromAuthenticationRef_IsRead()
    {
        var (_, errors) = Factory.BindForTest(Context(
            Minimal(("sasl", "oauthbearer")),
            new() { ["saslTokenProvider"] = "aws_msk_iam", ["username"] = "c", ["password"] = "s", ["oauthTokenEndpointUri"] = "https://idp/token" }));

        errors.ShouldBe([new MetadataError("saslTokenProvider", "\"aws_msk_iam\" is not supported by crema (use bearer)")]);
    }

    [Fact]
    public void Bind_SaslTokenProviderOutsideItsEnum_IsAnErrorWhateverTheMechanismLikeKeda()
    {
        var (_, errors) = Factory.BindForTest(Context(Minimal(("sasl", "plaintext"), ("saslTokenProvider", "kerberos")), new() { ["username"] = "u", ["password"] = "p" }));

        errors.ShouldBe([new MetadataError("saslTokenProvider", "\"kerberos\" is not one of: bearer, aws_msk_iam")]);
    }

    [Fact]
    public void Bind_AwsMskIamWithoutOAuthBearer_IsIgnoredLikeKeda()
    {
        var (m, errors) = Factory.BindForTest(Context(Minimal(("sasl", "plaintext"), ("saslTokenProvider", "aws_msk_iam")), new() { ["username"] = "u", ["password"] = "p" }));

        errors.ShouldBeEmpty();
        m.Sasl!.OAuth.ShouldBeNull();
    }

    [Theory]
    [InlineData("sasl", "kerberos", "\"kerberos\" is not one of: none, plaintext, scram_sha256, scram_sha512, oauthbearer, gssapi")]
    [InlineData("tls", "maybe", "\"maybe\" is not one of: enable, disable")]
    [InlineData("offsetResetPolicy", "middle", "\"middle\" is not one of: latest, earliest")]
    [InlineData("lagThreshold", "0", "must be > 0, found 0")]
    [InlineData("lagThreshold", "1.5", "\"1.5\" is not an integer")]
    [InlineData("activationLagThreshold", "-1", "must be >= 0, found -1")]
    [InlineData("allowIdleConsumers", "yes", "\"yes\" is not a boolean (true or false)")]
    public void Bind_ValueOutsideItsDeclaration_ReportsTheExactError(string key, string value, string message)
    {
        var (_, errors) = Factory.BindForTest(Context(Minimal((key, value))));

        errors.ShouldBe([new MetadataError(key, message)]);
    }

    [Fact]
    public void Bind_CredentialsInMetadata_AreNotRead()
    {
        var validation = Factory.Validate(Context(Minimal(("sasl", "plaintext"), ("username", "u"), ("password", "p"))));

        validation.Errors.Select(e => (e.Key, e.Source)).ShouldBe([("username", MetadataSource.AuthParams), ("password", MetadataSource.AuthParams)]);
        validation.Warnings.ShouldBe([
            new MetadataError("password", "is ignored: password is read only from the authenticationRef's parameters, not from metadata"),
            new MetadataError("username", "is ignored: username is read only from the authenticationRef's parameters, not from metadata"),
        ]);
        validation.UnknownKeys.ShouldBeEmpty();
    }

    [Fact]
    public void Bind_PodIdentityPrincipalInMetadataOrFromEnv_IsRead()
    {
        var fromMetadata = Factory.BindForTest(Context(Minimal(("sasl", "oauthbearer"), ("username", "crema@p.iam.gserviceaccount.com")), podIdentity: true));
        var fromEnv = Factory.BindForTest(Context(
            Minimal(("sasl", "oauthbearer"), ("usernameFromEnv", "PRINCIPAL")), podIdentity: true, environment: new() { ["PRINCIPAL"] = "env@p.iam.gserviceaccount.com" }));

        fromMetadata.Errors.ShouldBeEmpty();
        fromMetadata.Metadata.Sasl!.Username.ShouldBe("crema@p.iam.gserviceaccount.com");
        fromEnv.Errors.ShouldBeEmpty();
        fromEnv.Metadata.Sasl!.Username.ShouldBe("env@p.iam.gserviceaccount.com");
    }

    [Fact]
    public void Validate_KnownKeys_AreKedasKafkaKeys()
    {
        var validation = Factory.Validate(Context(Minimal(("sasl", "oauthbearer"), ("tls", "enable")), new() { ["username"] = "c", ["password"] = "s", ["oauthTokenEndpointUri"] = "https://idp/token" }));

        validation.KnownKeys.ShouldBe(
            [
                "activationLagThreshold", "allowIdleConsumers", "bootstrapServers", "ca", "cert", "consumerGroup",
                "ensureEvenDistributionOfPartitions", "excludePersistentLag", "key", "keyPassword", "lagThreshold",
                "limitToPartitionsWithLag", "oauthExtensions", "oauthTokenEndpointUri", "offsetResetPolicy", "partitionLimitation",
                "password", "sasl", "saslTokenProvider", "scaleToZeroOnInvalidOffset", "scopes", "tls", "topic", "unsafeSsl", "username", "version",
            ]);
    }
}
