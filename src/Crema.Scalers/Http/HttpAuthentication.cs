using System.Net.Http.Headers;
using System.Text;
using Crema.Abstractions;

namespace Crema.Scalers.Http;

/// <summary>
/// KEDA's shared HTTP authentication (<c>authModes</c> basic, bearer, apiKey, tls, custom, oauth;
/// bearer, basic and oauth exclusive) with its parameters, read from the trigger's authenticationRef.
/// <c>ca</c> applies in any mode. Each consumer names the modes it accepts. ToString never shows a secret.
/// </summary>
internal sealed record HttpAuthentication
{
    /// <summary>No authentication.</summary>
    public static HttpAuthentication None { get; } = new();

    public HttpAuthModes Modes { get; init; }
    public string? Username { get; init; }
    public string? Password { get; init; }
    public string? BearerToken { get; init; }
    public string? Cert { get; init; }
    public string? Key { get; init; }
    public string? Ca { get; init; }
    public string? CustomAuthHeader { get; init; }
    public string? CustomAuthValue { get; init; }
    public string? ApiKey { get; init; }

    /// <summary>True when the API key goes into the query string (<c>method: query</c>), false for a header.</summary>
    public bool ApiKeyInQuery { get; init; }

    /// <summary>The header or query parameter that carries the API key (KEDA: X-API-KEY, or api_key in the query).</summary>
    public string ApiKeyName { get; init; } = "X-API-KEY";

    /// <summary>The OAuth2 client-credentials settings when <c>oauth</c> is on.</summary>
    public OAuthSettings? OAuth { get; init; }

    /// <summary>The secret values, so error texts from a server can be scrubbed of them (their encodings too: see <see cref="SecretRedactor"/>).</summary>
    public IEnumerable<string> SecretValues =>
        new[] { Password, BearerToken, Key, CustomAuthValue, ApiKey, OAuth?.ClientSecret }.Where(s => !string.IsNullOrEmpty(s))!;

    /// <summary>
    /// Reads <c>authModes</c> from metadata (or the auth parameters) and the parameters each mode
    /// needs, reporting every problem through <paramref name="binder"/>; a mode outside
    /// <paramref name="allowed"/> is an error naming those the trigger type supports.
    /// </summary>
    public static HttpAuthentication Bind(MetadataBinder binder, HttpAuthModes allowed)
    {
        var modes = HttpAuthModes.None;
        foreach (var name in binder.List(HttpAuthKeys.Modes))
        {
            var match = HttpAuthKeys.ModeNames.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
            if (match.Name is null)
            {
                binder.Fail(HttpAuthKeys.Modes.Name, $"\"{name}\" is not one of: {Describe(allowed)}");
            }
            else if (!allowed.HasFlag(match.Mode))
            {
                binder.Fail(HttpAuthKeys.Modes.Name, $"\"{match.Name}\" is not supported by {binder.Context.TriggerType}; supported: {Describe(allowed)}");
            }
            modes |= match.Mode;
        }
        var exclusive = HttpAuthKeys.Exclusive.Where(m => modes.HasFlag(m)).ToArray();
        if (exclusive.Length > 1)
        {
            binder.Fail(HttpAuthKeys.Modes.Name, $"{Describe(exclusive[0])} and {Describe(exclusive[1])} cannot be used together");
        }

        var apiKeyInQuery = modes.HasFlag(HttpAuthModes.ApiKey) && binder.String(HttpAuthKeys.ApiKeyMethod) == "query";
        return new HttpAuthentication
        {
            Modes = modes,
            Username = Required(binder, modes, HttpAuthModes.Basic, HttpAuthKeys.Username),
            // KEDA: the password is optional; many APIs take a key as username and an empty password.
            Password = modes.HasFlag(HttpAuthModes.Basic) ? binder.String(HttpAuthKeys.Password) : null,
            BearerToken = Required(binder, modes, HttpAuthModes.Bearer, HttpAuthKeys.BearerToken),
            Cert = Required(binder, modes, HttpAuthModes.Tls, HttpAuthKeys.Cert),
            Key = Required(binder, modes, HttpAuthModes.Tls, HttpAuthKeys.Key),
            Ca = NullIfEmpty(binder.String(HttpAuthKeys.Ca)),
            CustomAuthHeader = Required(binder, modes, HttpAuthModes.Custom, HttpAuthKeys.CustomAuthHeader),
            CustomAuthValue = Required(binder, modes, HttpAuthModes.Custom, HttpAuthKeys.CustomAuthValue),
            ApiKey = Required(binder, modes, HttpAuthModes.ApiKey, HttpAuthKeys.ApiKey),
            ApiKeyInQuery = apiKeyInQuery,
            ApiKeyName = modes.HasFlag(HttpAuthModes.ApiKey) ? binder.String(HttpAuthKeys.KeyParamName) is { Length: > 0 } paramName ? paramName : apiKeyInQuery ? "api_key" : "X-API-KEY" : "X-API-KEY",
            OAuth = modes.HasFlag(HttpAuthModes.OAuth) ? BindOAuth(binder, modes) : null,
        };
    }

    /// <summary>The shared-client settings these credentials need (CA, and the client certificate in tls mode).</summary>
    public HttpClientSettings ClientSettings(bool unsafeSsl) => Modes.HasFlag(HttpAuthModes.Tls)
        ? new HttpClientSettings(unsafeSsl, Ca, Cert, Key)
        : new HttpClientSettings(unsafeSsl, Ca);

    /// <summary>Adds the basic, bearer, API-key or custom credential to a request (oauth tokens are added by <see cref="HttpSource"/>).</summary>
    public void Apply(HttpRequestMessage request)
    {
        if (Modes.HasFlag(HttpAuthModes.Bearer))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BearerToken);
        }
        else if (Modes.HasFlag(HttpAuthModes.Basic))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", EncodedBasic(Username!, Password));
        }
        if (Modes.HasFlag(HttpAuthModes.Custom))
        {
            request.Headers.Remove(CustomAuthHeader!);
            request.Headers.TryAddWithoutValidation(CustomAuthHeader!, CustomAuthValue);
        }
        if (Modes.HasFlag(HttpAuthModes.ApiKey))
        {
            if (ApiKeyInQuery)
            {
                var separator = string.IsNullOrEmpty(request.RequestUri!.Query) ? "?" : "&";
                request.RequestUri = new Uri(request.RequestUri + separator + Uri.EscapeDataString(ApiKeyName) + "=" + Uri.EscapeDataString(ApiKey!));
            }
            else
            {
                request.Headers.Remove(ApiKeyName);
                request.Headers.TryAddWithoutValidation(ApiKeyName, ApiKey);
            }
        }
    }

    /// <summary>The base64 text of a basic-auth header, also used to redact it from echoed responses.</summary>
    public static string EncodedBasic(string username, string? password) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}"));

    /// <summary>The mode names of <paramref name="modes"/>, comma-separated.</summary>
    public static string Describe(HttpAuthModes modes) =>
        modes == HttpAuthModes.None ? "none" : string.Join(", ", HttpAuthKeys.ModeNames.Where(m => modes.HasFlag(m.Mode)).Select(m => m.Name));

    /// <inheritdoc />
    public override string ToString() => $"{nameof(HttpAuthentication)} {{ Modes = {Modes} }}";

    private static OAuthSettings BindOAuth(MetadataBinder binder, HttpAuthModes modes)
    {
        var tokenUri = Required(binder, modes, HttpAuthModes.OAuth, HttpAuthKeys.OAuthTokenUri);
        var clientId = Required(binder, modes, HttpAuthModes.OAuth, HttpAuthKeys.ClientId);
        CheckTokenUri(binder, tokenUri);
        return new OAuthSettings(
            tokenUri ?? "",
            clientId ?? "",
            binder.String(HttpAuthKeys.ClientSecret),
            binder.List(HttpAuthKeys.Scopes),
            ParseEndpointParams(binder.String(HttpAuthKeys.EndpointParams)));
    }

    /// <summary>Reports an oauthTokenURI that is not an absolute http(s) URL (its content is known only when building).</summary>
    public static void CheckTokenUri(MetadataBinder binder, string? tokenUri)
    {
        if (!binder.Context.ValidationOnly && tokenUri is { Length: > 0 } && !(Uri.TryCreate(tokenUri, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"))
        {
            binder.Fail(HttpAuthKeys.OAuthTokenUri.Name, "is not an absolute http or https URL" + MetadataError.AuthenticationRefHint, MetadataSource.AuthParams);
        }
    }

    /// <summary>endpointParams is a URL query string (KEDA reads it with url.ParseQuery): <c>audience=x&amp;resource=y</c>.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ParseEndpointParams(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : text.Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('=', 2))
                .Select(kv => KeyValuePair.Create(Uri.UnescapeDataString(kv[0].Replace('+', ' ')), kv.Length > 1 ? Uri.UnescapeDataString(kv[1].Replace('+', ' ')) : ""))
                .ToArray();

    private static string? Required(MetadataBinder binder, HttpAuthModes modes, HttpAuthModes needs, MetadataKey key)
    {
        if (!modes.HasFlag(needs))
        {
            return null;
        }
        var mode = HttpAuthKeys.ModeNames.First(m => m.Mode == needs).Name;
        if (!binder.Has(key))
        {
            if (key.Order is [KeySource.AuthParams])
            {
                binder.Fail(key.Name, $"is required when authModes includes {mode}{MetadataError.AuthenticationRefHint}", MetadataSource.AuthParams);
            }
            else
            {
                binder.Fail(key.Name, $"is required when authModes includes {mode}, in metadata or as a parameter of the trigger's authenticationRef");
            }
            return null;
        }
        return binder.String(key);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
