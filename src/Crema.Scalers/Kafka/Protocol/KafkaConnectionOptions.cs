namespace Crema.Scalers.Kafka.Protocol;

/// <summary>How connections to brokers are made. Defaults: client id <c>crema</c>, 10 s per request and per connect, cleartext, no SASL.</summary>
internal sealed record KafkaConnectionOptions
{
    public string ClientId { get; init; } = "crema";

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>TLS settings, or null for cleartext.</summary>
    public KafkaTlsOptions? Tls { get; init; }

    /// <summary>SASL credentials, or null for none.</summary>
    public KafkaSaslOptions? Sasl { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
