using Confluent.Kafka;
using Crema.Scalers.Kafka;

namespace Crema.Tests.Scalers.Kafka;

public sealed class KafkaClientConfigTests
{
    private static readonly BrokerEndpoint[] Servers = [new("k1", 9093), new("k2", 9092)];

    [Fact]
    public void Build_NoTlsNoSasl_IsPlaintextToEveryServer()
    {
        var config = KafkaClientConfig.Build(Servers, null, null);

        config.BootstrapServers.ShouldBe("k1:9093,k2:9092");
        config.SecurityProtocol.ShouldBe(SecurityProtocol.Plaintext);
        config.SaslMechanism.ShouldBeNull();
    }

    [Fact]
    public void Build_TlsWithCaCertKeyAndPassword_MapsToSslPemSettings()
    {
        var config = KafkaClientConfig.Build(Servers, new KafkaTlsOptions(false, "CA", "CERT", "KEY", "KEYPW"), null);

        config.SecurityProtocol.ShouldBe(SecurityProtocol.Ssl);
        (config.SslCaPem, config.SslCertificatePem, config.SslKeyPem, config.SslKeyPassword).ShouldBe(("CA", "CERT", "KEY", "KEYPW"));
        config.SslEndpointIdentificationAlgorithm.ShouldBe(SslEndpointIdentificationAlgorithm.Https);
        config.EnableSslCertificateVerification.ShouldNotBe(false);
    }

    [Fact]
    public void Build_UnsafeSsl_TurnsOffCertificateAndHostChecks()
    {
        var config = KafkaClientConfig.Build(Servers, new KafkaTlsOptions(UnsafeSsl: true), null);

        config.EnableSslCertificateVerification.ShouldBe(false);
        config.SslEndpointIdentificationAlgorithm.ShouldBe(SslEndpointIdentificationAlgorithm.None);
    }

    [Theory]
    [InlineData("Plain", SaslMechanism.Plain)]
    [InlineData("ScramSha256", SaslMechanism.ScramSha256)]
    [InlineData("ScramSha512", SaslMechanism.ScramSha512)]
    public void Build_PasswordMechanisms_SetUserAndPassword(string name, SaslMechanism expected)
    {
        var mechanism = Enum.Parse<KafkaSaslMechanism>(name);
        var config = KafkaClientConfig.Build(Servers, new KafkaTlsOptions(), new KafkaSaslOptions(mechanism, "u", "p"));

        config.SecurityProtocol.ShouldBe(SecurityProtocol.SaslSsl);
        config.SaslMechanism.ShouldBe(expected);
        (config.SaslUsername, config.SaslPassword).ShouldBe(("u", "p"));
    }

    [Fact]
    public void Build_OAuthBearer_LeavesTokensToTheRefreshHandler()
    {
        var sasl = new KafkaSaslOptions(KafkaSaslMechanism.OAuthBearer, "client", "secret")
        {
            OAuth = new KafkaOAuthOptions(new Uri("https://idp.example/token"), [], new Dictionary<string, string>()),
        };

        var config = KafkaClientConfig.Build(Servers, null, sasl);

        config.SecurityProtocol.ShouldBe(SecurityProtocol.SaslPlaintext);
        config.SaslMechanism.ShouldBe(SaslMechanism.OAuthBearer);
        config.SaslPassword.ShouldBeNull();
        config.SaslOauthbearerMethod.ShouldNotBe(SaslOauthbearerMethod.Oidc);
    }

    [Fact]
    public void ShareKey_SameSettings_Equal_OtherPasswordOrServers_Differ_AndHideSecrets()
    {
        var sasl = new KafkaSaslOptions(KafkaSaslMechanism.Plain, "alice", "hunter2-pw");
        var key = KafkaClientConfig.ShareKey(Servers, null, sasl);

        KafkaClientConfig.ShareKey(Servers, null, sasl with { }).ShouldBe(key);
        KafkaClientConfig.ShareKey(Servers, null, sasl with { Password = "other" }).ShouldNotBe(key);
        KafkaClientConfig.ShareKey([Servers[0]], null, sasl).ShouldNotBe(key);
        KafkaClientConfig.ShareKey(Servers, new KafkaTlsOptions(), sasl).ShouldNotBe(key);
        key.ShouldNotContain("hunter2-pw");
        key.ShouldNotContain("alice");
    }

    [Fact]
    public void Describe_NamesServersMechanismAndUser()
    {
        KafkaClientConfig.Describe(Servers, new KafkaSaslOptions(KafkaSaslMechanism.ScramSha256, "alice", "pw"))
            .ShouldBe("Kafka k1:9093,k2:9092 (SASL SCRAM-SHA-256 as \"alice\")");
        KafkaClientConfig.Describe(Servers, null).ShouldBe("Kafka k1:9093,k2:9092");
    }
}
