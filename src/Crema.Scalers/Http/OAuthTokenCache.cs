using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Crema.Scalers.Http;

/// <summary>
/// Fetches and caches an OAuth2 client-credentials token (RFC 6749 §4.4), as KEDA's <c>authModes: oauth</c>
/// does with Go's clientcredentials package: client id and secret in a basic header first and, if the
/// server rejects that, in the form body (remembered); renewed 30 s before it expires. Used by the HTTP
/// sources' <c>oauth</c> mode and by kafka's <c>saslTokenProvider: bearer</c>.
/// </summary>
/// <param name="lifetimeWhenUnstated">How long a token without <c>expires_in</c> is taken to live. Default 5 minutes.</param>
internal sealed class OAuthTokenCache(HttpClient client, OAuthSettings settings, TimeProvider timeProvider, long maxResponseBytes, TimeSpan? lifetimeWhenUnstated = null)
{
    private static readonly TimeSpan RenewBefore = TimeSpan.FromSeconds(30);
    private readonly TimeSpan lifetimeWhenUnstated = lifetimeWhenUnstated ?? TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>The token endpoint as messages name it: without its query, which may carry parameters.</summary>
    private string Endpoint => new Uri(settings.TokenUri).GetLeftPart(UriPartial.Path);
    private string? token;
    private DateTimeOffset expires;
    private bool credentialsInBody;

    /// <summary>A valid access token, fetched when none is cached or it is about to expire.</summary>
    public async Task<string> GetTokenAsync(CancellationToken cancellationToken) =>
        (await GetTokenWithExpiryAsync(cancellationToken).ConfigureAwait(false)).Token;

    /// <summary>As <see cref="GetTokenAsync"/>, with the moment the token expires.</summary>
    public async Task<(string Token, DateTimeOffset Expires)> GetTokenWithExpiryAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (token is not null && timeProvider.GetUtcNow() < expires - RenewBefore)
            {
                return (token, expires);
            }
            var (status, body) = await RequestAsync(credentialsInBody, cancellationToken).ConfigureAwait(false);
            if (!credentialsInBody && status is 400 or 401)
            {
                (status, body) = await RequestAsync(inBody: true, cancellationToken).ConfigureAwait(false);
                credentialsInBody = status is >= 200 and < 300;
            }
            if (status is < 200 or >= 300)
            {
                var excerpt = HttpErrorExcerpt.From(body, new SecretRedactor([settings.ClientSecret ?? ""]));
                throw new HttpSourceException($"oauth token request to {Endpoint} failed for client \"{settings.ClientId}\": HTTP {status}{(excerpt.Length > 0 ? ": " + excerpt : "")}") { StatusCode = status };
            }
            (token, expires) = ParseToken(body, Endpoint, timeProvider.GetUtcNow(), lifetimeWhenUnstated);
            return (token, expires);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<(int Status, string Body)> RequestAsync(bool inBody, CancellationToken cancellationToken)
    {
        var form = new List<KeyValuePair<string, string>> { new("grant_type", "client_credentials") };
        if (settings.Scopes.Count > 0)
        {
            form.Add(new("scope", string.Join(' ', settings.Scopes)));
        }
        form.AddRange(settings.EndpointParams);
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.TokenUri);
        if (inBody)
        {
            form.Add(new("client_id", settings.ClientId));
            form.Add(new("client_secret", settings.ClientSecret ?? ""));
        }
        else
        {
            var pair = Uri.EscapeDataString(settings.ClientId) + ":" + Uri.EscapeDataString(settings.ClientSecret ?? "");
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
        }
        request.Content = new FormUrlEncodedContent(form);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new HttpSourceException($"oauth token request to {Endpoint} failed for client \"{settings.ClientId}\": {HttpErrorExcerpt.From(e.Message, new SecretRedactor([settings.ClientSecret ?? ""]))}", e);
        }
        using var _ = response;
        var body = await ResponseBody.ReadCappedAsync(response, maxResponseBytes, "oauth token request", cancellationToken).ConfigureAwait(false);
        return ((int)response.StatusCode, Encoding.UTF8.GetString(body));
    }

    private static long? ExpiresIn(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out var n) => n,
        JsonValueKind.String when long.TryParse(value.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    /// <summary>A token endpoint's reply: the token and when it expires; throws <see cref="HttpSourceException"/> for anything else.</summary>
    internal static (string Token, DateTimeOffset Expires) ParseToken(string body, string endpoint, DateTimeOffset now, TimeSpan lifetimeWhenUnstated)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("access_token", out var access) || access.ValueKind != JsonValueKind.String || access.GetString() is not { Length: > 0 } value)
            {
                throw new HttpSourceException($"oauth token response from {endpoint} has no access_token");
            }
            // A number, or a numeric string as some providers send it; capped at a day, so nothing overflows.
            var lifetime = root.TryGetProperty("expires_in", out var seconds) && ExpiresIn(seconds) is { } s and > 0
                ? TimeSpan.FromSeconds(Math.Min(s, 86_400))
                : lifetimeWhenUnstated;
            return (value, now + lifetime);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new HttpSourceException($"oauth token response from {endpoint} is not valid JSON");
        }
    }
}
