using Crema.Abstractions;
using Crema.Scalers.Http;

namespace Crema.Scalers.RabbitMq;

/// <summary>KEDA's validateOAuth2 and workload identity rules for <c>rabbitmq</c>.</summary>
internal static class RabbitMqAuthRules
{
    /// <summary>
    /// OAuth2 client credentials (oauthTokenURI, clientID, clientSecret, scopes, endpointParams from the
    /// authenticationRef): all three of the first or none, and never with username and password. Null when not given.
    /// </summary>
    public static OAuthSettings? BindOAuth(MetadataBinder binder, bool hasBasicCredentials)
    {
        MetadataKey[] required = [RabbitMqKeys.OAuthTokenUri, RabbitMqKeys.ClientId, RabbitMqKeys.ClientSecret];
        if (!required.Any(binder.Has))
        {
            return null;
        }
        foreach (var key in required.Where(k => !binder.Has(k)))
        {
            binder.Fail(key.Name, "is required for OAuth2 (oauthTokenURI, clientID and clientSecret go together)" + MetadataError.AuthenticationRefHint, MetadataSource.AuthParams);
        }
        if (hasBasicCredentials)
        {
            binder.Fail(RabbitMqKeys.OAuthTokenUri.Name, "OAuth2 cannot be combined with username and password" + MetadataError.AuthenticationRefHint, MetadataSource.AuthParams);
        }
        var tokenUri = binder.String(RabbitMqKeys.OAuthTokenUri) ?? "";
        if (!binder.Context.ValidationOnly && tokenUri.Length > 0 && !(Uri.TryCreate(tokenUri, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"))
        {
            binder.Fail(RabbitMqKeys.OAuthTokenUri.Name, "is not an absolute http or https URL" + MetadataError.AuthenticationRefHint, MetadataSource.AuthParams);
        }
        return new OAuthSettings(
            tokenUri,
            binder.String(RabbitMqKeys.ClientId) ?? "",
            binder.String(RabbitMqKeys.ClientSecret),
            binder.List(RabbitMqKeys.Scopes),
            EndpointParams(binder.String(RabbitMqKeys.EndpointParams)));
    }

    /// <summary>Azure AD Workload Identity (workloadIdentityResource) needs Azure's pod identity, which Cloud Run does not have.</summary>
    public static void RejectWorkloadIdentity(MetadataBinder binder)
    {
        if (binder.Has(RabbitMqKeys.WorkloadIdentityResource))
        {
            binder.Fail(RabbitMqKeys.WorkloadIdentityResource.Name,
                "is not supported: Azure AD Workload Identity is not available on Cloud Run; use OAuth2 (oauthTokenURI, clientID, clientSecret) or username and password" + MetadataError.AuthenticationRefHint,
                MetadataSource.AuthParams);
        }
    }

    /// <summary>endpointParams is a URL query string (KEDA reads it with url.ParseQuery).</summary>
    private static IReadOnlyList<KeyValuePair<string, string>> EndpointParams(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : text.Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('=', 2))
                .Select(kv => KeyValuePair.Create(Unescape(kv[0]), kv.Length > 1 ? Unescape(kv[1]) : ""))
                .ToArray();

    private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
