using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Crema.Tests.Scalers.GitHubRunner.Fake;

public sealed partial class FakeGitHubApi
{
    private readonly Dictionary<long, (long AppId, RSA PublicKey)> installations = [];
    private readonly Dictionary<string, DateTimeOffset> installationTokens = new(StringComparer.Ordinal);
    private TimeSpan installationTokenLifetime = TimeSpan.FromHours(1);

    /// <summary>Installation tokens issued so far.</summary>
    public int InstallationTokensIssued { get; private set; }

    /// <summary>
    /// Registers a GitHub App installation: <c>POST /app/installations/{installationId}/access_tokens</c>
    /// then accepts a JWT signed RS256 by the private half of <paramref name="publicKeyPem"/> with
    /// <c>iss</c> = <paramref name="appId"/>, and issues tokens living <paramref name="tokenLifetime"/> (default 1 h).
    /// </summary>
    public void RegisterApp(long appId, long installationId, string publicKeyPem, TimeSpan? tokenLifetime = null)
    {
        var key = RSA.Create();
        key.ImportFromPem(publicKeyPem);
        lock (gate)
        {
            installations[installationId] = (appId, key);
            installationTokenLifetime = tokenLifetime ?? TimeSpan.FromHours(1);
        }
    }

    private bool Authorized(HttpRequest request)
    {
        if (RequiredToken is null && installations.Count == 0)
        {
            return true;
        }
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return false;
        }
        var token = header["Bearer ".Length..];
        return token == RequiredToken
            || (installationTokens.TryGetValue(token, out var expires) && expires > time.GetUtcNow());
    }

    private Reply IssueInstallationToken(HttpRequest request, string installation)
    {
        const string Docs = "https://docs.github.com/rest/apps/apps#create-an-installation-access-token-for-an-app";
        if (!long.TryParse(installation, CultureInfo.InvariantCulture, out var id) || !installations.TryGetValue(id, out var app))
        {
            return NotFound(Docs);
        }
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || !ValidJwt(header["Bearer ".Length..], app.AppId, app.PublicKey))
        {
            return Json(401, ErrorJson("A JSON web token could not be decoded", "https://docs.github.com/rest", 401));
        }
        var token = "ghs_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(18));
        var expires = time.GetUtcNow() + installationTokenLifetime;
        installationTokens[token] = expires;
        InstallationTokensIssued++;
        return Json(201, new JsonObject
        {
            ["token"] = token,
            ["expires_at"] = Time(expires),
            ["permissions"] = new JsonObject { ["actions"] = "read", ["metadata"] = "read" },
            ["repository_selection"] = "all",
        });
    }

    private bool ValidJwt(string jwt, long appId, RSA key)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            return false;
        }
        try
        {
            using var header = JsonDocument.Parse(FromBase64Url(parts[0]));
            using var claims = JsonDocument.Parse(FromBase64Url(parts[1]));
            var now = time.GetUtcNow().ToUnixTimeSeconds();
            var iss = claims.RootElement.GetProperty("iss");
            var issuer = iss.ValueKind == JsonValueKind.String ? iss.GetString() : iss.GetRawText();
            var iat = claims.RootElement.GetProperty("iat").GetInt64();
            var exp = claims.RootElement.GetProperty("exp").GetInt64();
            return header.RootElement.GetProperty("alg").GetString() == "RS256"
                && issuer == appId.ToString(CultureInfo.InvariantCulture)
                && iat <= now + 60 && exp > now && exp - iat <= 600
                && key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), FromBase64Url(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return false;
        }
    }

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }
}
