using Crema.Abstractions;
using Crema.Scalers;
using Crema.Scalers.Kafka;

namespace Crema.Tests.Scalers.Kafka;

public sealed class KafkaMetadataBinderTests
{
    private static ScalerContext Context(Dictionary<string, string> metadata, Dictionary<string, string>? auth = null, bool validationOnly = false) => new()
    {
        TriggerType = "kafka",
        TriggerName = "0",
        ScaledObjectName = "so",
        Metadata = metadata,
        AuthParams = auth ?? [],
        ValidationOnly = validationOnly,
    };

    private static (KafkaMetadata Metadata, IReadOnlyList<MetadataError> Errors) Bind(Dictionary<string, string> metadata, Dictionary<string, string>? auth = null, bool validationOnly = false) =>
        new KafkaScalerFactory().BindForTest(Context(metadata, auth, validationOnly));

    [Fact]
    public void Bind_Minimal_AppliesKedaDefaults()
    {
        var (m, errors) = Bind(new() { ["bootstrapServers"] = "k1:9093, k2", ["consumerGroup"] = "g" });
        errors.ShouldBeEmpty();
        m.BootstrapServers.ShouldBe([new BrokerEndpoint("k1", 9093), new BrokerEndpoint("k2", 9092)]);
        m.Topic.ShouldBeNull();
        m.LagThreshold.ShouldBe(10);
        m.ActivationLagThreshold.ShouldBe(0);
        m.OffsetResetPolicy.ShouldBe(OffsetResetPolicy.Latest);
        m.Tls.ShouldBeNull();
        m.Sasl.ShouldBeNull();
    }

    [Fact]
    public void Bind_EveryField_IsRead()
    {
        var (m, errors) = Bind(
            new()
            {
                ["bootstrapServers"] = "k1:9093", ["consumerGroup"] = "g", ["topic"] = "t", ["partitionLimitation"] = "0,2-3",
                ["lagThreshold"] = "50", ["activationLagThreshold"] = "5", ["offsetResetPolicy"] = "earliest",
                ["allowIdleConsumers"] = "true", ["excludePersistentLag"] = "true", ["scaleToZeroOnInvalidOffset"] = "true",
                ["ensureEvenDistributionOfPartitions"] = "true", ["tls"] = "enable", ["unsafeSsl"] = "true", ["sasl"] = "scram_sha512",
                ["version"] = "2.8.0",
            },
            new() { ["username"] = "u", ["password"] = "p", ["ca"] = "CA" });
        errors.ShouldBeEmpty();
        m.PartitionLimitation!.ShouldBe([0, 2, 3]);
        m.LagThreshold.ShouldBe(50);
        m.ActivationLagThreshold.ShouldBe(5);
        m.OffsetResetPolicy.ShouldBe(OffsetResetPolicy.Earliest);
        (m.AllowIdleConsumers && m.ExcludePersistentLag && m.ScaleToZeroOnInvalidOffset && m.EnsureEvenDistributionOfPartitions).ShouldBeTrue();
        m.Tls.ShouldBe(new KafkaTlsOptions(true, "CA"));
        m.Sasl.ShouldBe(new KafkaSaslOptions(KafkaSaslMechanism.ScramSha512, "u", "p"));
        new KafkaScalerFactory().Validate(Context(new() { ["bootstrapServers"] = "k", ["consumerGroup"] = "g", ["version"] = "1" })).UnknownKeys.ShouldBeEmpty();
    }

    [Fact]
    public void Bind_TlsAndSaslFromAuthenticationRef_AreRead()
    {
        var (m, errors) = Bind(new() { ["bootstrapServers"] = "k", ["consumerGroup"] = "g" }, new() { ["tls"] = "enable", ["sasl"] = "plaintext", ["username"] = "u", ["password"] = "p", ["cert"] = "C", ["key"] = "K" });
        errors.ShouldBeEmpty();
        m.Tls.ShouldBe(new KafkaTlsOptions(false, null, "C", "K"));
        m.Sasl!.Mechanism.ShouldBe(KafkaSaslMechanism.Plain);
    }

    [Theory]
    [InlineData("lagThreshold", "0")]
    [InlineData("activationLagThreshold", "-1")]
    [InlineData("offsetResetPolicy", "middle")]
    [InlineData("partitionLimitation", "x")]
    [InlineData("tls", "maybe")]
    [InlineData("sasl", "gssapi")]
    [InlineData("bootstrapServers", "host:port")]
    [InlineData("version", "1.2.3.4")]
    [InlineData("version", "2.8")]
    [InlineData("version", "0.10.2")]
    public void Bind_BadValue_ReportsKey(string key, string value)
    {
        var metadata = new Dictionary<string, string> { ["bootstrapServers"] = "k", ["consumerGroup"] = "g", ["topic"] = "t", [key] = value };
        Bind(metadata).Errors.ShouldContain(e => e.Key == key);
    }

    [Theory]
    [InlineData("2.8.0")]
    [InlineData("1.0.0")]
    [InlineData("0.10.2.0")]
    [InlineData("3.7.1")]
    public void Bind_KafkaVersionAsSaramaParsesIt_IsAccepted(string version)
    {
        var metadata = new Dictionary<string, string> { ["bootstrapServers"] = "k:9092", ["consumerGroup"] = "g", ["topic"] = "t", ["version"] = version };
        Bind(metadata).Errors.ShouldBeEmpty();
    }

    [Fact]
    public void Bind_ConflictingOptions_ReportsEveryError()
    {
        var (_, errors) = Bind(new()
        {
            ["bootstrapServers"] = "k", ["consumerGroup"] = "g", ["allowIdleConsumers"] = "true",
            ["limitToPartitionsWithLag"] = "true", ["ensureEvenDistributionOfPartitions"] = "true",
        });
        errors.Select(e => e.Message).ShouldBe(
            ["cannot be true together with allowIdleConsumers", "needs a topic", "cannot be true together with limitToPartitionsWithLag", "needs a topic"],
            ignoreOrder: true);
    }

    [Fact]
    public void Bind_MissingRequiredAndCredentials_ReportsAll()
    {
        var (_, errors) = Bind(new() { ["sasl"] = "scram_sha256", ["tls"] = "enable" }, new() { ["cert"] = "C" });
        errors.Select(e => e.Key).ShouldBe(["bootstrapServers", "consumerGroup", "key", "username", "password"], ignoreOrder: true);
    }

    [Fact]
    public void Validate_DeclaredSecretsWithoutValues_AreAccepted()
    {
        var validation = new KafkaScalerFactory().Validate(Context(
            new() { ["bootstrapServers"] = "k", ["consumerGroup"] = "g", ["sasl"] = "plaintext" },
            new() { ["username"] = "", ["password"] = "" },
            validationOnly: true));
        validation.IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Registry_ApacheKafkaAlias_ResolvesToKafka()
    {
        var registry = BuiltInScalers.CreateRegistry();
        registry.TryGet("apache-kafka", out var alias).ShouldBeTrue();
        registry.TryGet("kafka", out var kafka).ShouldBeTrue();
        alias.ShouldBeSameAs(kafka);
    }

    [Fact]
    public void ToString_WithTlsKeyAndSaslPassword_ShowsNoSecret()
    {
        const string KeyPem = "-----BEGIN PRIVATE KEY-----\nS3CR3T-KEY-MATERIAL\n-----END PRIVATE KEY-----";
        var (m, errors) = Bind(
            new() { ["bootstrapServers"] = "k1:9093", ["consumerGroup"] = "g", ["tls"] = "enable", ["sasl"] = "scram_sha512" },
            new() { ["cert"] = "-----BEGIN CERTIFICATE-----\nCERT\n-----END CERTIFICATE-----", ["key"] = KeyPem, ["username"] = "u", ["password"] = "hunter2-pw" });
        errors.ShouldBeEmpty();

        var text = m.ToString();

        text.ShouldNotContain("S3CR3T-KEY-MATERIAL");
        text.ShouldNotContain("hunter2-pw");
        m.Tls!.ToString().ShouldNotContain("S3CR3T-KEY-MATERIAL");
    }
}
