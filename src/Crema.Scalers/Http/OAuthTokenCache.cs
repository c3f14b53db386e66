using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Crema.Scalers.Http;

/// <summary>
/// Fetches and caches an OAuth2 client-credentials token (RFC 6749 §4.4), as KEDA's <c>authModes: oauth</c>
/// does with Go's clientcredentials package: client id and secret in a basic header first and, if the
/// server rejects that, in the form body (remembered); renewed 30 s before it expires.
/// </summary>
internal sealed class OAuthTokenCache(HttpClient client, OAuthSettings settings, TimeProvider timeProvider, long maxResponseBytes)
{
    private static readonly TimeSpan RenewBefore = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LifetimeWhenUnstated = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim gate = new(1, 1);
    private string? token;
    private DateTimeOffset expires;
    private bool credentialsInBody;

    /// <summary>A valid access token, fetched when none is cached or it is about to expire.</summary>
    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (token is not null && timeProvider.GetUtcNow() < expires - RenewBefore)
            {
                return token;
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
                throw new HttpSourceException($"oauth token request to {new Uri(settings.TokenUri).Host} failed for client \"{settings.ClientId}\": HTTP {status}{(excerpt.Length > 0 ? ": " + excerpt : "")}") { StatusCode = status };
            }
            (token, expires) = Parse(body);
            return token;
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
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var body = await ResponseBody.ReadCappedAsync(response, maxResponseBytes, "oauth token request", cancellationToken).ConfigureAwait(false);
        return ((int)response.StatusCode, Encoding.UTF8.GetString(body));
    }

    private (string Token, DateTimeOffset Expires) Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("access_token", out var access) || access.ValueKind != JsonValueKind.String || access.GetString() is not { Length: > 0 } value)
            {
                throw new HttpSourceException($"oauth token response from {new Uri(settings.TokenUri).Host} has no access_token");
            }
            var lifetime = root.TryGetProperty("expires_in", out var seconds) && seconds.TryGetInt64(out var s) && s > 0
                ? TimeSpan.FromSeconds(s)
                : LifetimeWhenUnstated;
            return (value, timeProvider.GetUtcNow() + lifetime);
        }
        catch (JsonException)
        {
            throw new HttpSourceException($"oauth token response from {new Uri(settings.TokenUri).Host} is not valid JSON");
        }
    }
}
