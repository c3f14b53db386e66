using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Confluent.Kafka;

namespace Crema.Scalers.Kafka;

/// <summary>
/// Maps a trigger's brokers, TLS and SASL settings to librdkafka's configuration, and names the
/// client that triggers with the same settings share.
/// </summary>
internal static class KafkaClientConfig
{
    /// <summary>How long one admin request may take before the poll fails. Default 10 s.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    public static AdminClientConfig Build(IReadOnlyList<BrokerEndpoint> servers, KafkaTlsOptions? tls, KafkaSaslOptions? sasl)
    {
        var config = new AdminClientConfig
        {
            BootstrapServers = string.Join(',', servers),
            ClientId = "crema",
            SecurityProtocol = (tls, sasl) switch
            {
                (null, null) => SecurityProtocol.Plaintext,
                (not null, null) => SecurityProtocol.Ssl,
                (null, not null) => SecurityProtocol.SaslPlaintext,
                _ => SecurityProtocol.SaslSsl,
            },
            SocketTimeoutMs = (int)RequestTimeout.TotalMilliseconds,
            SocketConnectionSetupTimeoutMs = (int)RequestTimeout.TotalMilliseconds,
            // Idle connections are kept across polls; a poll every few seconds needs no keep-alive tuning.
            ReconnectBackoffMs = 100,
            ReconnectBackoffMaxMs = 5_000,
            // Closed idle connections are normal (brokers close them after connections.max.idle.ms).
            LogConnectionClose = false,
        };
        if (tls is not null)
        {
            config.SslCaPem = tls.CaPem;
            config.SslCertificatePem = tls.CertPem;
            config.SslKeyPem = tls.KeyPem;
            config.SslKeyPassword = tls.KeyPassword;
            if (tls.UnsafeSsl)
            {
                config.EnableSslCertificateVerification = false;
                config.SslEndpointIdentificationAlgorithm = SslEndpointIdentificationAlgorithm.None;
            }
            else
            {
                config.SslEndpointIdentificationAlgorithm = SslEndpointIdentificationAlgorithm.Https;
            }
        }
        if (sasl is not null)
        {
            config.SaslMechanism = sasl.Mechanism switch
            {
                KafkaSaslMechanism.Plain => SaslMechanism.Plain,
                KafkaSaslMechanism.ScramSha256 => SaslMechanism.ScramSha256,
                KafkaSaslMechanism.ScramSha512 => SaslMechanism.ScramSha512,
                KafkaSaslMechanism.OAuthBearer => SaslMechanism.OAuthBearer,
                _ => throw new ArgumentOutOfRangeException(nameof(sasl), sasl.Mechanism, "No SASL mechanism."),
            };
            if (sasl.Mechanism != KafkaSaslMechanism.OAuthBearer)
            {
                // With Google identity the password is an access token, set before each read.
                config.SaslUsername = sasl.Username;
                config.SaslPassword = sasl.UseGoogleIdentity ? "-" : sasl.Password;
            }
        }
        return config;
    }

    /// <summary>
    /// The sharing key: a hash of every setting that shapes the connection (brokers, TLS, SASL and its
    /// credentials), so the key itself reveals no secret.
    /// </summary>
    public static string ShareKey(IReadOnlyList<BrokerEndpoint> servers, KafkaTlsOptions? tls, KafkaSaslOptions? sasl)
    {
        var text = new StringBuilder();
        void Add(string? part) => text.Append(part?.Length.ToString(CultureInfo.InvariantCulture) ?? "-").Append(':').Append(part).Append('\n');
        Add(string.Join(',', servers));
        Add(tls is null ? null : tls.UnsafeSsl ? "unsafe" : "tls");
        Add(tls?.CaPem);
        Add(tls?.CertPem);
        Add(tls?.KeyPem);
        Add(tls?.KeyPassword);
        Add(sasl?.MechanismName);
        Add(sasl?.Username);
        Add(sasl?.Password);
        Add(sasl?.UseGoogleIdentity.ToString());
        Add(sasl?.OAuth?.TokenEndpoint.AbsoluteUri);
        Add(sasl?.OAuth is { } oauth ? string.Join(' ', oauth.Scopes) : null);
        Add(sasl?.OAuth is { } o ? string.Join(',', o.Extensions.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Key + "=" + e.Value)) : null);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Who is connecting, for error messages: the bootstrap servers and the SASL user.</summary>
    public static string Describe(IReadOnlyList<BrokerEndpoint> servers, KafkaSaslOptions? sasl) =>
        $"Kafka {string.Join(',', servers)}" + (sasl is null ? string.Empty : $" (SASL {sasl.MechanismName} as \"{sasl.Username}\")");
}
