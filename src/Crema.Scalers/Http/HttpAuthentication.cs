using System.Net.Http.Headers;
using System.Text;
using Crema.Abstractions;

namespace Crema.Scalers.Http;

/// <summary>
/// KEDA's shared HTTP authentication (<c>authModes</c> basic, bearer, tls, custom; basic and bearer
/// exclusive) with its parameters, read from the trigger's authenticationRef. <c>ca</c> applies in
/// any mode. ToString never shows a secret.
/// </summary>
internal sealed record HttpAuthentication
{
    private const string ModesKey = "authModes";
    private static readonly (string Name, HttpAuthModes Mode)[] ModeNames =
        [("basic", HttpAuthModes.Basic), ("bearer", HttpAuthModes.Bearer), ("tls", HttpAuthModes.Tls), ("custom", HttpAuthModes.Custom)];

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

    /// <summary>The secret values, so error texts from a server can be scrubbed of them.</summary>
    public IEnumerable<string> SecretValues =>
        new[] { Password, BearerToken, Key, CustomAuthValue }.Where(s => !string.IsNullOrEmpty(s))!;

    /// <summary>
    /// Reads <c>authModes</c> from metadata (or the auth parameters) and the parameters each mode
    /// needs, reporting every problem through <paramref name="binder"/>.
    /// </summary>
    public static HttpAuthentication Bind(MetadataBinder binder)
    {
        var names = binder.Has(ModesKey)
            ? binder.List(ModesKey)
            : (binder.Secret(ModesKey) ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var modes = HttpAuthModes.None;
        foreach (var name in names)
        {
            var match = ModeNames.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
            if (match.Name is null)
            {
                binder.Fail(ModesKey, $"\"{name}\" is not one of: {string.Join(", ", ModeNames.Select(m => m.Name))}");
            }
            modes |= match.Mode;
        }
        binder.Check(!modes.HasFlag(HttpAuthModes.Basic | HttpAuthModes.Bearer), ModesKey, "basic and bearer cannot be used together");

        var auth = new HttpAuthentication
        {
            Modes = modes,
            Username = Required(binder, modes, HttpAuthModes.Basic, "username", "basic"),
            Password = modes.HasFlag(HttpAuthModes.Basic) ? binder.Secret("password") : null,
            BearerToken = Required(binder, modes, HttpAuthModes.Bearer, "bearerToken", "bearer"),
            Cert = Required(binder, modes, HttpAuthModes.Tls, "cert", "tls"),
            Key = Required(binder, modes, HttpAuthModes.Tls, "key", "tls"),
            Ca = NullIfEmpty(binder.Secret("ca")),
            CustomAuthHeader = Required(binder, modes, HttpAuthModes.Custom, "customAuthHeader", "custom"),
            CustomAuthValue = Required(binder, modes, HttpAuthModes.Custom, "customAuthValue", "custom"),
        };
        return auth;
    }

    /// <summary>The shared-client settings these credentials need (CA, and the client certificate in tls mode).</summary>
    public HttpClientSettings ClientSettings(bool unsafeSsl) => Modes.HasFlag(HttpAuthModes.Tls)
        ? new HttpClientSettings(unsafeSsl, Ca, Cert, Key)
        : new HttpClientSettings(unsafeSsl, Ca);

    /// <summary>Adds the basic, bearer or custom header to a request.</summary>
    public void Apply(HttpRequestMessage request)
    {
        if (Modes.HasFlag(HttpAuthModes.Bearer))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BearerToken);
        }
        else if (Modes.HasFlag(HttpAuthModes.Basic))
        {
            var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Username}:{Password}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", encoded);
        }
        if (Modes.HasFlag(HttpAuthModes.Custom))
        {
            request.Headers.Remove(CustomAuthHeader!);
            request.Headers.TryAddWithoutValidation(CustomAuthHeader!, CustomAuthValue);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{nameof(HttpAuthentication)} {{ Modes = {Modes} }}";

    private static string? Required(MetadataBinder binder, HttpAuthModes modes, HttpAuthModes needs, string key, string modeName)
    {
        if (!modes.HasFlag(needs))
        {
            return null;
        }
        var value = binder.Secret(key);
        // While validating, secrets are declared names with empty values: presence is all we can check.
        var missing = value is null || (!binder.Context.ValidationOnly && string.IsNullOrWhiteSpace(value));
        if (missing)
        {
            binder.Fail(key, $"is required when authModes includes {modeName}{MetadataError.AuthenticationRefHint}", MetadataSource.AuthParams);
        }
        return value;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
