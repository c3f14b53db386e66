namespace Crema.Scalers.Kafka.Protocol;

/// <summary>SASL mechanisms this client can authenticate with. Default: None.</summary>
internal enum KafkaSaslMechanism
{
    None,
    Plain,
    ScramSha256,
    ScramSha512,
}
