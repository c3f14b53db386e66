namespace Crema.Tests.Scalers.Kafka.Protocol;

/// <summary>Hex strings with spaces and "|" separators between protocol fields, for readable byte-level tests.</summary>
internal static class Hex
{
    public static byte[] Bytes(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal).Replace("|", "", StringComparison.Ordinal));

    public static string Of(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    public static string Normalize(string hex) => Of(Bytes(hex));
}
