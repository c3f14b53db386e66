using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Crema.Scalers.GitHubRunner.Json;

namespace Crema.Scalers.GitHubRunner;

/// <summary>
/// GitHub App authentication: signs a short JWT (RS256) with the app's private key, exchanges it at
/// <c>POST /app/installations/{id}/access_tokens</c> for an installation token, and renews that token
/// <see cref="RefreshBefore"/> before it expires (tokens live one hour).
/// </summary>
internal sealed class GitHubAppTokenSource : IGitHubTokenSource, IDisposable
{
    /// <summary>How long before expiry a token is replaced.</summary>
    public static readonly TimeSpan RefreshBefore = TimeSpan.FromMinutes(5);

    // GitHub allows at most 10 minutes; the issue time is back-dated for clock drift, as GitHub advises.
    private static readonly TimeSpan JwtLifetime = TimeSpan.FromMinutes(9);
    private static readonly TimeSpan ClockDrift = TimeSpan.FromSeconds(60);
    private readonly HttpClient http;
    private readonly Uri exchangeUrl;
    private readonly long applicationId;
    private readonly RSA key;
    private readonly TimeProvider time;
    private readonly Action onRequest;
    private string? token;
    private DateTimeOffset expiresAt;

    public GitHubAppTokenSource(HttpClient http, Uri apiUrl, long applicationId, long installationId, string privateKeyPem, TimeProvider time, Action onRequest)
    {
        this.http = http;
        this.applicationId = applicationId;
        this.time = time;
        this.onRequest = onRequest;
        exchangeUrl = new Uri(apiUrl.AbsoluteUri.TrimEnd('/') + "/app/installations/" + installationId.ToString(CultureInfo.InvariantCulture) + "/access_tokens");
        key = RSA.Create();
        key.ImportFromPem(privateKeyPem);
    }

    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (token is not null && time.GetUtcNow() < expiresAt - RefreshBefore)
        {
            return token;
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, exchangeUrl);
        request.Headers.Accept.ParseAdd("application/vnd.github+json");
        request.Headers.TryAddWithoutValidation("X-GitHub-Api-Version", "2022-11-28");
        request.Headers.TryAddWithoutValidation("User-Agent", GitHubApiClient.UserAgent);
        request.Headers.Authorization = new("Bearer", CreateJwt());
        onRequest();
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var message = await GitHubApiClient.ReadErrorMessageAsync(response, cancellationToken).ConfigureAwait(false);
            throw new GitHubApiException(response.StatusCode,
                $"GitHub App installation token request returned {(int)response.StatusCode} {response.ReasonPhrase}" +
                (string.IsNullOrWhiteSpace(message) ? "" : $": {message}"));
        }
        var reply = await response.Content.ReadFromJsonAsync(GitHubJsonContext.Default.GitHubInstallationToken, cancellationToken).ConfigureAwait(false);
        if (reply?.Token is not { Length: > 0 } newToken)
        {
            throw new GitHubApiException(response.StatusCode, "GitHub App installation token reply has no token");
        }
        token = newToken;
        expiresAt = reply.ExpiresAt ?? time.GetUtcNow().AddHours(1);
        return newToken;
    }

    public void Invalidate() => token = null;

    public void Dispose() => key.Dispose();

    /// <summary>Builds the app's JWT: header and claims (iat, exp, iss) as base64url JSON, signed RS256.</summary>
    internal string CreateJwt()
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
            writer.WriteNumber("exp", (now + JwtLifetime).ToUnixTimeSeconds());
            writer.WriteString("iss", applicationId.ToString(CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
