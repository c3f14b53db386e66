namespace Crema.Scalers.Kafka;

/// <summary>An OAUTHBEARER token (or, for Google PLAIN, the password) with its expiry, principal and SASL extensions.</summary>
internal sealed record KafkaToken(string Value, DateTimeOffset Expires, string Principal, IReadOnlyDictionary<string, string> Extensions)
{
    /// <inheritdoc />
    public override string ToString() => $"{nameof(KafkaToken)} {{ Principal = {Principal}, Expires = {Expires:O} }}";
}
