using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Octokit;

namespace Crema.Scalers.GitHubRunner;

/// <summary>
/// The GitHub App's own credential (Octokit has no signer): a JWT signed RS256 with the app's private
/// key, claims iat (back-dated 60 s for clock drift, as GitHub advises), exp (9 minutes; GitHub allows
/// at most 10) and iss (the application ID). A fresh one for every request it authenticates.
/// </summary>
internal sealed class GitHubAppJwt : ICredentialStore, IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(9);
    private static readonly TimeSpan ClockDrift = TimeSpan.FromSeconds(60);
    private readonly long applicationId;
    private readonly RSA key;
    private readonly TimeProvider time;

    public GitHubAppJwt(long applicationId, string privateKeyPem, TimeProvider time)
    {
        this.applicationId = applicationId;
        this.time = time;
        key = RSA.Create();
        key.ImportFromPem(privateKeyPem);
    }

    public Task<Credentials> GetCredentials() => Task.FromResult(new Credentials(Create(), AuthenticationType.Bearer));

    public void Dispose() => key.Dispose();

    /// <summary>Header and claims as base64url JSON, then the RS256 (PKCS#1 v1.5, SHA-256) signature.</summary>
    internal string Create()
    {
        var now = time.GetUtcNow();
        var header = Base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}"u8);
        var claims = Base64Url(Claims(now));
        var signingInput = header + "." + claims;
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url(signature);
    }

    private byte[] Claims(DateTimeOffset now)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("iat", (now - ClockDrift).ToUnixTimeSeconds());
            writer.WriteNumber("exp", (now + Lifetime).ToUnixTimeSeconds());
            writer.WriteString("iss", applicationId.ToString(CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
