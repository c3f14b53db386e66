namespace Crema.Scalers.Http;

/// <summary>KEDA's <c>authModes</c> for HTTP sources. Each consumer names the ones it accepts. Default: none.</summary>
[Flags]
internal enum HttpAuthModes
{
    /// <summary>No authentication.</summary>
    None = 0,

    /// <summary><c>basic</c>: username (required) and password.</summary>
    Basic = 1,

    /// <summary><c>bearer</c>: bearerToken (alias token) sent as <c>Authorization: Bearer ...</c>.</summary>
    Bearer = 2,

    /// <summary><c>tls</c>: client certificate (cert and key in PEM).</summary>
    Tls = 4,

    /// <summary><c>custom</c>: customAuthHeader set to customAuthValue.</summary>
    Custom = 8,

    /// <summary><c>apiKey</c>: apiKey sent in a header (default X-API-KEY) or a query parameter (default api_key).</summary>
    ApiKey = 16,

    /// <summary><c>oauth</c>: an OAuth2 client-credentials token from oauthTokenURI, sent as a bearer token.</summary>
    OAuth = 32,

    /// <summary>Every mode.</summary>
    All = Basic | Bearer | Tls | Custom | ApiKey | OAuth,
}
