using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Crema.Tests.Scalers.AwsSqs;

/// <summary>
/// Checks an AWS Signature Version 4 Authorization header the way AWS does: rebuild the canonical request from what
/// arrived, derive the signing key from the secret, and compare signatures. Written from AWS's published algorithm.
/// </summary>
internal static partial class SigV4Verifier
{
    /// <summary>The access key ID in <c>Credential=ID/DATE/REGION/SERVICE/aws4_request</c>, or null.</summary>
    public static string? AccessKeyId(string authorization) => Parse(authorization)?.Credential.Split('/')[0];

    /// <summary>The region the signature is scoped to, or null.</summary>
    public static string? Region(string authorization) => Parse(authorization)?.Credential.Split('/') is { Length: 5 } parts ? parts[2] : null;

    /// <summary>True when the signature matches <paramref name="secret"/>.</summary>
    public static bool Verify(SqsRequest request, string host, string secret)
    {
        if (Parse(request.Authorization) is not { } auth)
        {
            return false;
        }
        var scope = auth.Credential.Split('/');
        if (scope.Length != 5)
        {
            return false;
        }
        var amzDate = request.Headers.GetValueOrDefault("X-Amz-Date", "");
        var signed = auth.SignedHeaders.Split(';');
        var canonicalHeaders = new StringBuilder();
        foreach (var name in signed)
        {
            var value = name == "host" ? host : request.Headers.GetValueOrDefault(name, "");
            canonicalHeaders.Append(name).Append(':').Append(string.Join(' ', value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries))).Append('\n');
        }
        var pathAndQuery = request.PathAndQuery.Split('?', 2);
        var canonicalRequest = string.Join('\n',
            request.Method,
            pathAndQuery[0].Length == 0 ? "/" : pathAndQuery[0],
            pathAndQuery.Length > 1 ? pathAndQuery[1] : "",
            canonicalHeaders.ToString(),
            auth.SignedHeaders,
            Hex(SHA256.HashData(Encoding.UTF8.GetBytes(request.Body))));
        var stringToSign = string.Join('\n', "AWS4-HMAC-SHA256", amzDate, string.Join('/', scope[1..]), Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));
        var key = Encoding.UTF8.GetBytes("AWS4" + secret);
        foreach (var part in scope[1..])
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }
        var expected = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(auth.Signature));
    }

    private static (string Credential, string SignedHeaders, string Signature)? Parse(string authorization)
    {
        var match = AuthorizationPattern().Match(authorization);
        return match.Success ? (match.Groups["credential"].Value, match.Groups["signed"].Value, match.Groups["signature"].Value) : null;
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=(?<credential>[^,]+), ?SignedHeaders=(?<signed>[^,]+), ?Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationPattern();
}
