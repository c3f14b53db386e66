namespace Crema.Scalers.Kafka;

/// <summary>
/// SASL credentials. With <see cref="UseGoogleIdentity"/> (podIdentity gcp, for Google Cloud Managed
/// Service for Apache Kafka) the password is the daemon's Google access token and Username the
/// principal's email. ToString never shows the password.
/// </summary>
internal sealed record KafkaSaslOptions(KafkaSaslMechanism Mechanism, string Username, string Password)
{
    /// <summary>The token endpoint settings for <c>oauthbearer</c> without Google identity; otherwise null.</summary>
    public KafkaOAuthOptions? OAuth { get; init; }

    /// <summary>Authenticate with the daemon's Google identity instead of a password. Default false.</summary>
    public bool UseGoogleIdentity { get; init; }

    /// <summary>The SASL mechanism name, as brokers list it.</summary>
    public string MechanismName => Mechanism switch
    {
        KafkaSaslMechanism.Plain => "PLAIN",
        KafkaSaslMechanism.ScramSha256 => "SCRAM-SHA-256",
        KafkaSaslMechanism.ScramSha512 => "SCRAM-SHA-512",
        KafkaSaslMechanism.OAuthBearer => "OAUTHBEARER",
        _ => throw new InvalidOperationException("No SASL mechanism."),
    };

    /// <inheritdoc />
    public override string ToString() => $"{MechanismName} as {Username}{(UseGoogleIdentity ? " (Google identity)" : string.Empty)}";
}
