namespace Crema.Scalers.Kafka;

/// <summary>KEDA's <c>sasl</c> modes Crema supports (no <c>gssapi</c>: the bundled librdkafka has no Kerberos).</summary>
internal enum KafkaSaslMechanism
{
    None,

    /// <summary><c>plaintext</c>: SASL/PLAIN.</summary>
    Plain,

    /// <summary><c>scram_sha256</c>.</summary>
    ScramSha256,

    /// <summary><c>scram_sha512</c>.</summary>
    ScramSha512,

    /// <summary><c>oauthbearer</c>: a token from an OAuth 2.0 token endpoint (client credentials) or Google.</summary>
    OAuthBearer,
}
