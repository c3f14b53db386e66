using System.Security.Cryptography;
using System.Text;

namespace Crema.Scalers.Kafka.Protocol;

/// <summary>Runs SaslHandshake v1 then the mechanism's SaslAuthenticate exchanges on a fresh connection.</summary>
internal static class SaslAuthenticator
{
    public static async Task AuthenticateAsync(KafkaConnection connection, KafkaSaslOptions sasl, CancellationToken cancellationToken)
    {
        var handshake = await connection.SendAsync(new SaslHandshakeRequest(sasl.MechanismName), cancellationToken).ConfigureAwait(false);
        if (handshake.ErrorCode != 0)
        {
            throw new KafkaProtocolException(
                $"SASL handshake for {sasl.MechanismName} failed with {KafkaErrors.Describe(handshake.ErrorCode)}; the broker offers: {string.Join(", ", handshake.Mechanisms)}",
                (KafkaErrorCode)handshake.ErrorCode);
        }
        switch (sasl.Mechanism)
        {
            case KafkaSaslMechanism.Plain:
                await ExchangeAsync(connection, Encoding.UTF8.GetBytes($"\0{sasl.Username}\0{sasl.Password}"), cancellationToken).ConfigureAwait(false);
                break;
            case KafkaSaslMechanism.ScramSha256:
            case KafkaSaslMechanism.ScramSha512:
                var hash = sasl.Mechanism == KafkaSaslMechanism.ScramSha256 ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA512;
                var scram = new ScramClient(hash, sasl.Username, sasl.Password);
                var serverFirst = await ExchangeAsync(connection, scram.ClientFirstMessage(), cancellationToken).ConfigureAwait(false);
                var serverFinal = await ExchangeAsync(connection, scram.ClientFinalMessage(serverFirst), cancellationToken).ConfigureAwait(false);
                scram.VerifyServerFinal(serverFinal);
                break;
            default:
                throw new InvalidOperationException("No SASL mechanism to authenticate with.");
        }
    }

    private static async Task<byte[]> ExchangeAsync(KafkaConnection connection, byte[] token, CancellationToken cancellationToken)
    {
        var response = await connection.SendAsync(new SaslAuthenticateRequest(token), cancellationToken).ConfigureAwait(false);
        if (response.ErrorCode != 0)
        {
            throw new KafkaProtocolException(
                $"SASL authentication failed with {KafkaErrors.Describe(response.ErrorCode)}: {response.ErrorMessage}",
                (KafkaErrorCode)response.ErrorCode);
        }
        return response.AuthBytes;
    }
}
