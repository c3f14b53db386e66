namespace Crema.Tests.Scalers.Kafka;

/// <summary>
/// What the mock brokers accept: PLAIN with Username and Password; OAUTHBEARER with Token (any
/// token when null) and every one of Extensions. The handshake offers Mechanisms.
/// </summary>
public sealed record KafkaMockSasl
{
    public IReadOnlyList<string> Mechanisms { get; init; } = ["PLAIN"];

    public string? Username { get; init; }

    public string? Password { get; init; }

    public string? Token { get; init; }

    public IReadOnlyDictionary<string, string> Extensions { get; init; } = new Dictionary<string, string>();
}

/// <summary>The brokers' certificate and key, PEM.</summary>
public sealed record KafkaMockTls(string Cert, string Key);

/// <summary>One SaslAuthenticate request as the mock received it: the mechanism, the PLAIN user and password or the bearer token.</summary>
public sealed record KafkaMockAuthentication(string Mechanism, string Username, string Secret, IReadOnlyDictionary<string, string> Extensions, bool Accepted);
