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
        HttpAuthentication.CheckTokenUri(binder, tokenUri);
        return new OAuthSettings(
            tokenUri,
            binder.String(RabbitMqKeys.ClientId) ?? "",
            binder.String(RabbitMqKeys.ClientSecret),
            binder.List(RabbitMqKeys.Scopes),
            HttpAuthentication.ParseEndpointParams(binder.String(RabbitMqKeys.EndpointParams)));
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
}
