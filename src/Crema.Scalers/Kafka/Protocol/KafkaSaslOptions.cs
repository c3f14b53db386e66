namespace Crema.Scalers.Kafka.Protocol;

/// <summary>SASL credentials. ToString never shows the password.</summary>
internal sealed record KafkaSaslOptions(KafkaSaslMechanism Mechanism, string Username, string Password)
{
    /// <summary>The mechanism name sent in SaslHandshake.</summary>
    public string MechanismName => Mechanism switch
    {
        KafkaSaslMechanism.Plain => "PLAIN",
        KafkaSaslMechanism.ScramSha256 => "SCRAM-SHA-256",
        KafkaSaslMechanism.ScramSha512 => "SCRAM-SHA-512",
        _ => throw new InvalidOperationException("No SASL mechanism."),
    };

    public override string ToString() => $"{MechanismName} as {Username}";
}
