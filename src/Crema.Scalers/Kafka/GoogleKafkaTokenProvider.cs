using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Crema.Abstractions;

namespace Crema.Scalers.Kafka;

/// <summary>
/// The daemon's Google identity for Google Cloud Managed Service for Apache Kafka. For OAUTHBEARER the
/// access token is wrapped the way Google's own Kafka login handlers do: an unsigned JWT-shaped
/// <c>header.claims.token</c> (each part base64url), header <c>{"typ":"JWT","alg":"GOOG_OAUTH2_TOKEN"}</c>,
/// claims exp, iat, scope "kafka" and sub (the principal's email), the access token in the signature
/// place. For PLAIN the token itself is the password.
/// </summary>
internal sealed class GoogleKafkaTokenProvider(IAccessTokenSource tokens, string principalEmail, bool jwtShaped, TimeProvider time) : IKafkaTokenProvider
{
    /// <summary>Google's scope for Managed Kafka connections.</summary>
    public const string Scope = "https://www.googleapis.com/auth/cloud-platform";

    /// <summary>
    /// The host caches tokens and renews them minutes before they expire, but does not say when
    /// they do; claiming a short life makes librdkafka ask again well before any token ends.
    /// </summary>
    public static readonly TimeSpan ClaimedLifetime = TimeSpan.FromMinutes(4);

    private static readonly IReadOnlyDictionary<string, string> NoExtensions = new Dictionary<string, string>();

    public async Task<KafkaToken> GetTokenAsync(CancellationToken cancellationToken)
    {
        string accessToken;
        try
        {
            accessToken = await tokens.GetAccessTokenAsync([Scope], cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            throw new KafkaReadException($"No Google access token for \"{principalEmail}\" ({e.GetType().Name}); check the daemon's Application Default Credentials.");
        }
        var now = time.GetUtcNow();
        var expires = now + ClaimedLifetime;
        return new KafkaToken(jwtShaped ? Wrap(accessToken, expires, now) : accessToken, expires, principalEmail, NoExtensions);
    }

    private string Wrap(string accessToken, DateTimeOffset expires, DateTimeOffset now)
    {
        var header = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["typ"] = "JWT", ["alg"] = "GOOG_OAUTH2_TOKEN" });
        var claims = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["exp"] = expires.ToUnixTimeSeconds(),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["scope"] = "kafka",
            ["sub"] = principalEmail,
        });
        return string.Join('.', Base64Url.EncodeToString(header), Base64Url.EncodeToString(claims), Base64Url.EncodeToString(Encoding.UTF8.GetBytes(accessToken)));
    }
}
