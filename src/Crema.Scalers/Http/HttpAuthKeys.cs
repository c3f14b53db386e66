using Crema.Abstractions;

namespace Crema.Scalers.Http;

/// <summary>The keys of KEDA's shared HTTP authentication (pkg/scalers/authentication), declared once.</summary>
internal static class HttpAuthKeys
{
    /// <summary>The mode names as KEDA spells them, with their flag.</summary>
    public static readonly IReadOnlyList<(string Name, HttpAuthModes Mode)> ModeNames =
    [
        ("basic", HttpAuthModes.Basic), ("bearer", HttpAuthModes.Bearer), ("tls", HttpAuthModes.Tls),
        ("custom", HttpAuthModes.Custom), ("apiKey", HttpAuthModes.ApiKey), ("oauth", HttpAuthModes.OAuth),
    ];

    /// <summary>A list of mode names; which are allowed depends on the consumer, so the binder checks them.</summary>
    public static readonly MetadataKey Modes = MetadataKey.Named("authModes", "authMode").From(KeySource.TriggerMetadata, KeySource.AuthParams);

    /// <summary>Modes that each set the Authorization header, so at most one may be on (KEDA's exclusiveSet).</summary>
    public static readonly HttpAuthModes[] Exclusive = [HttpAuthModes.Basic, HttpAuthModes.Bearer, HttpAuthModes.OAuth];

    public static readonly MetadataKey BearerToken = MetadataKey.Secret("bearerToken", "token");
    public static readonly MetadataKey Username = MetadataKey.Secret("username");
    public static readonly MetadataKey Password = MetadataKey.Secret("password");
    public static readonly MetadataKey Cert = MetadataKey.Secret("cert");
    public static readonly MetadataKey Key = MetadataKey.Secret("key");
    public static readonly MetadataKey KeyPassword = MetadataKey.Secret("keyPassword");
    public static readonly MetadataKey Ca = MetadataKey.Secret("ca");
    public static readonly MetadataKey CustomAuthHeader = MetadataKey.Secret("customAuthHeader");
    public static readonly MetadataKey CustomAuthValue = MetadataKey.Secret("customAuthValue");
    public static readonly MetadataKey OAuthTokenUri = MetadataKey.Secret("oauthTokenURI");
    public static readonly MetadataKey Scopes = MetadataKey.Secret("scopes", "scope");
    public static readonly MetadataKey ClientId = MetadataKey.Secret("clientID");
    public static readonly MetadataKey ClientSecret = MetadataKey.Secret("clientSecret");
    public static readonly MetadataKey EndpointParams = MetadataKey.Secret("endpointParams");

    public static readonly MetadataKey ApiKey = MetadataKey.Named("apiKey").From(KeySource.TriggerMetadata, KeySource.AuthParams);
    public static readonly MetadataKey ApiKeyMethod = MetadataKey.Named("method")
        .From(KeySource.TriggerMetadata, KeySource.AuthParams).Default("header").OneOf("header", "query");
    public static readonly MetadataKey KeyParamName = MetadataKey.Named("keyParamName").From(KeySource.TriggerMetadata, KeySource.AuthParams);
}
