using System.Security.Cryptography;
using System.Text;
using Crema.Scalers.Kafka.Protocol;

namespace Crema.Tests.Scalers.Kafka.Protocol;

/// <summary>The broker side of SCRAM (RFC 5802), written independently of ScramClient, for SASL tests.</summary>
internal sealed class ScramServer(string mechanism, string username, string password)
{
    private readonly byte[] salt = RandomNumberGenerator.GetBytes(16);
    private const int Iterations = 4096;
    private string clientFirstBare = string.Empty;
    private string serverFirst = string.Empty;

    public bool Authenticated { get; private set; }

    private HashAlgorithmName Hash => mechanism.EndsWith("512", StringComparison.Ordinal) ? HashAlgorithmName.SHA512 : HashAlgorithmName.SHA256;

    public byte[]? Handle(ApiKey key, short version, KafkaReader body)
    {
        switch (key)
        {
            case ApiKey.ApiVersions:
                return FakeKafkaBroker.ApiVersions(FakeKafkaBroker.Kafka41Versions);
            case ApiKey.SaslHandshake:
                var requested = body.String();
                return new KafkaWriter().Int16(requested == mechanism ? (short)0 : (short)33).Array([mechanism], (w, m) => w.String(m)).ToArray();
            case ApiKey.SaslAuthenticate:
                var message = Encoding.UTF8.GetString(body.Bytes());
                return message.StartsWith("n,,", StringComparison.Ordinal) ? First(message, version) : Final(message, version);
            default:
                return null;
        }
    }

    private byte[] First(string message, short version)
    {
        clientFirstBare = message[3..];
        var clientNonce = clientFirstBare.Split(',').Single(p => p.StartsWith("r=", StringComparison.Ordinal))[2..];
        clientFirstBare.ShouldStartWith($"n={username},");
        serverFirst = $"r={clientNonce}srv{Convert.ToHexString(RandomNumberGenerator.GetBytes(8))},s={Convert.ToBase64String(salt)},i={Iterations}";
        return Answer(0, serverFirst, version);
    }

    private byte[] Final(string message, short version)
    {
        var withoutProof = message[..message.LastIndexOf(",p=", StringComparison.Ordinal)];
        var proof = Convert.FromBase64String(message[(message.LastIndexOf(",p=", StringComparison.Ordinal) + 3)..]);
        var length = Hash == HashAlgorithmName.SHA512 ? 64 : 32;
        var salted = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, Hash, length);
        var authMessage = Encoding.UTF8.GetBytes($"{clientFirstBare},{serverFirst},{withoutProof}");
        var clientKey = Mac(salted, "Client Key"u8.ToArray());
        var storedKey = Hash == HashAlgorithmName.SHA512 ? SHA512.HashData(clientKey) : SHA256.HashData(clientKey);
        var signature = Mac(storedKey, authMessage);
        var recovered = proof.Zip(signature, (a, b) => (byte)(a ^ b)).ToArray();
        var storedFromProof = Hash == HashAlgorithmName.SHA512 ? SHA512.HashData(recovered) : SHA256.HashData(recovered);
        if (!storedFromProof.SequenceEqual(storedKey))
        {
            return Answer(58, null, version, "Authentication failed during authentication due to invalid credentials with SASL mechanism " + mechanism);
        }
        Authenticated = true;
        return Answer(0, $"v={Convert.ToBase64String(Mac(Mac(salted, "Server Key"u8.ToArray()), authMessage))}", version);
    }

    private byte[] Mac(byte[] key, byte[] data) => Hash == HashAlgorithmName.SHA512 ? HMACSHA512.HashData(key, data) : HMACSHA256.HashData(key, data);

    private static byte[] Answer(short error, string? token, short version, string? message = null)
    {
        var writer = new KafkaWriter().Int16(error).NullableString(message).Bytes(token is null ? [] : Encoding.UTF8.GetBytes(token));
        if (version >= 1)
        {
            writer.Int64(0);
        }
        return writer.ToArray();
    }
}
