namespace Crema.Scalers.Kafka;

/// <summary>
/// KEDA's <c>saslTokenProvider: bearer</c>: a token from <see cref="TokenEndpoint"/> by the OAuth 2.0
/// client-credentials grant (client id and secret are the trigger's username and password), sent
/// with the SASL extensions. Scopes empty means none requested.
/// </summary>
internal sealed record KafkaOAuthOptions(Uri TokenEndpoint, IReadOnlyList<string> Scopes, IReadOnlyDictionary<string, string> Extensions)
{
    /// <summary>Structural equality, so triggers with the same settings share a client.</summary>
    public bool Equals(KafkaOAuthOptions? other) =>
        other is not null && TokenEndpoint == other.TokenEndpoint && Scopes.SequenceEqual(other.Scopes)
        && Extensions.Count == other.Extensions.Count
        && Extensions.All(e => other.Extensions.TryGetValue(e.Key, out var v) && v == e.Value);

    /// <inheritdoc />
    public override int GetHashCode() => TokenEndpoint.GetHashCode();
}
