namespace Crema.Scalers.Kafka;

/// <summary>Gets a fresh token for SASL. Errors carry no secret.</summary>
internal interface IKafkaTokenProvider
{
    Task<KafkaToken> GetTokenAsync(CancellationToken cancellationToken);
}
