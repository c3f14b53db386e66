using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Crema.Scalers.Http;

namespace Crema.Scalers.Kafka;

/// <summary>
/// KEDA's <c>saslTokenProvider: bearer</c>: the OAuth 2.0 client-credentials grant (RFC 6749 4.4)
/// against oauthTokenEndpointUri. Like Go's oauth2 package KEDA uses, the client authenticates with
/// HTTP Basic first and, if the endpoint refuses that, with client_id and client_secret in the body.
/// The token is opaque (not parsed): its lifetime comes from expires_in (one hour when absent).
/// </summary>
internal sealed class OAuthClientCredentialsTokenProvider(
    KafkaOAuthOptions options, string clientId, string clientSecret, HttpClient http, TimeProvider time) : IKafkaTokenProvider
{
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(1);

    public async Task<KafkaToken> GetTokenAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(basic: true, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized)
        {
            using var retry = await SendAsync(basic: false, cancellationToken).ConfigureAwait(false);
            return await ReadAsync(retry, cancellationToken).ConfigureAwait(false);
        }
        return await ReadAsync(response, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendAsync(bool basic, CancellationToken cancellationToken)
    {
        var form = new List<KeyValuePair<string, string>> { new("grant_type", "client_credentials") };
        if (options.Scopes.Count > 0)
        {
            form.Add(new("scope", string.Join(' ', options.Scopes)));
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, options.TokenEndpoint);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (basic)
        {
            // RFC 6749 2.3.1: both parts form-urlencoded before Base64.
            var pair = Uri.EscapeDataString(clientId) + ":" + Uri.EscapeDataString(clientSecret);
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
        }
        else
        {
            form.Add(new("client_id", clientId));
            form.Add(new("client_secret", clientSecret));
        }
        request.Content = new FormUrlEncodedContent(form);
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new KafkaReadException($"OAuth token endpoint {options.TokenEndpoint.GetLeftPart(UriPartial.Path)} is unreachable for client \"{clientId}\": {e.Message}");
        }
    }

    private async Task<KafkaToken> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var endpoint = options.TokenEndpoint.GetLeftPart(UriPartial.Path);
        if (!response.IsSuccessStatusCode)
        {
            var excerpt = await HttpErrorExcerpt.ReadAsync(response, [clientSecret], cancellationToken).ConfigureAwait(false);
            throw new KafkaReadException(string.Create(CultureInfo.InvariantCulture,
                $"OAuth token endpoint {endpoint} refused client \"{clientId}\": HTTP {(int)response.StatusCode} {excerpt}").TrimEnd());
        }
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (!root.TryGetProperty("access_token", out var token) || token.ValueKind != JsonValueKind.String || token.GetString() is not { Length: > 0 } value)
            {
                throw new KafkaReadException($"OAuth token endpoint {endpoint} answered client \"{clientId}\" without an access_token.");
            }
            var lifetime = root.TryGetProperty("expires_in", out var expires) && expires.ValueKind == JsonValueKind.Number && expires.TryGetInt64(out var seconds) && seconds > 0
                ? TimeSpan.FromSeconds(seconds)
                : DefaultLifetime;
            return new KafkaToken(value, time.GetUtcNow() + lifetime, clientId, options.Extensions);
        }
        catch (JsonException)
        {
            throw new KafkaReadException($"OAuth token endpoint {endpoint} answered client \"{clientId}\" with something that is not JSON.");
        }
    }
}
