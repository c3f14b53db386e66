namespace Crema.Scalers.Http;

/// <summary>The KEDA <c>authModes</c> an HTTP scaler accepts. Default: none.</summary>
[Flags]
internal enum HttpAuthModes
{
    /// <summary>No authentication.</summary>
    None = 0,

    /// <summary><c>basic</c>: username (required) and password.</summary>
    Basic = 1,

    /// <summary><c>bearer</c>: bearerToken sent as <c>Authorization: Bearer ...</c>.</summary>
    Bearer = 2,

    /// <summary><c>tls</c>: client certificate (cert and key in PEM).</summary>
    Tls = 4,

    /// <summary><c>custom</c>: customAuthHeader set to customAuthValue.</summary>
    Custom = 8,
}
