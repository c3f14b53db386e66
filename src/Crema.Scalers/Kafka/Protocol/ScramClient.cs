using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Crema.Scalers.Kafka.Protocol;

/// <summary>
/// The client side of SCRAM (RFC 5802, RFC 7677) without channel binding: client-first, then
/// client-final with the proof, then verification of the server signature. Usernames are escaped
/// (<c>=</c> to <c>=3D</c>, <c>,</c> to <c>=2C</c>); passwords are used as UTF-8 without SASLprep, as Kafka does.
/// </summary>
internal sealed class ScramClient
{
    private const string Gs2Header = "n,,";
    private readonly HashAlgorithmName hash;
    private readonly string password;
    private readonly string clientNonce;
    private readonly string clientFirstBare;
    private byte[]? expectedServerSignature;

    public ScramClient(HashAlgorithmName hash, string username, string password, string? clientNonce = null)
    {
        this.hash = hash;
        this.password = password;
        this.clientNonce = clientNonce ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        var escaped = username.Replace("=", "=3D", StringComparison.Ordinal).Replace(",", "=2C", StringComparison.Ordinal);
        clientFirstBare = $"n={escaped},r={this.clientNonce}";
    }

    public byte[] ClientFirstMessage() => Encoding.UTF8.GetBytes(Gs2Header + clientFirstBare);

    public byte[] ClientFinalMessage(byte[] serverFirstMessage)
    {
        var serverFirst = Encoding.UTF8.GetString(serverFirstMessage);
        var fields = Parse(serverFirst);
        if (fields.TryGetValue('e', out var error))
        {
            throw new KafkaProtocolException($"SCRAM authentication failed: {error}", KafkaErrorCode.SaslAuthenticationFailed);
        }
        if (!fields.TryGetValue('r', out var nonce) || !nonce.StartsWith(clientNonce, StringComparison.Ordinal) || nonce.Length == clientNonce.Length
            || !fields.TryGetValue('s', out var saltText) || !fields.TryGetValue('i', out var iterationText)
            || !int.TryParse(iterationText, NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < 1)
        {
            throw new KafkaProtocolException("SCRAM server-first message is malformed or does not extend our nonce.", KafkaErrorCode.SaslAuthenticationFailed);
        }
        var salt = Convert.FromBase64String(saltText);
        var salted = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, hash, HashLength);
        var clientKey = Hmac(salted, "Client Key"u8.ToArray());
        var storedKey = Hash(clientKey);
        var withoutProof = $"c={Convert.ToBase64String(Encoding.UTF8.GetBytes(Gs2Header))},r={nonce}";
        var authMessage = Encoding.UTF8.GetBytes($"{clientFirstBare},{serverFirst},{withoutProof}");
        var signature = Hmac(storedKey, authMessage);
        var proof = new byte[clientKey.Length];
        for (var i = 0; i < proof.Length; i++)
        {
            proof[i] = (byte)(clientKey[i] ^ signature[i]);
        }
        expectedServerSignature = Hmac(Hmac(salted, "Server Key"u8.ToArray()), authMessage);
        return Encoding.UTF8.GetBytes($"{withoutProof},p={Convert.ToBase64String(proof)}");
    }

    /// <summary>Checks the server knew the password too; throws when it did not.</summary>
    public void VerifyServerFinal(byte[] serverFinalMessage)
    {
        var fields = Parse(Encoding.UTF8.GetString(serverFinalMessage));
        if (fields.TryGetValue('e', out var error))
        {
            throw new KafkaProtocolException($"SCRAM authentication failed: {error}", KafkaErrorCode.SaslAuthenticationFailed);
        }
        if (expectedServerSignature is null || !fields.TryGetValue('v', out var verifier)
            || !CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(verifier), expectedServerSignature))
        {
            throw new KafkaProtocolException("SCRAM server signature does not match: the broker did not prove it knows the password.", KafkaErrorCode.SaslAuthenticationFailed);
        }
    }

    private int HashLength => hash == HashAlgorithmName.SHA512 ? 64 : hash == HashAlgorithmName.SHA256 ? 32 : 20;

    private byte[] Hmac(byte[] key, byte[] data) =>
        hash == HashAlgorithmName.SHA512 ? HMACSHA512.HashData(key, data)
        : hash == HashAlgorithmName.SHA256 ? HMACSHA256.HashData(key, data)
        : HMACSHA1.HashData(key, data);

    private byte[] Hash(byte[] data) =>
        hash == HashAlgorithmName.SHA512 ? SHA512.HashData(data)
        : hash == HashAlgorithmName.SHA256 ? SHA256.HashData(data)
        : SHA1.HashData(data);

    private static Dictionary<char, string> Parse(string message)
    {
        var fields = new Dictionary<char, string>();
        foreach (var part in message.Split(','))
        {
            if (part.Length >= 2 && part[1] == '=')
            {
                fields.TryAdd(part[0], part[2..]);
            }
        }
        return fields;
    }
}
