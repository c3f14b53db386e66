namespace Crema.Scalers.Http;

/// <summary>
/// OAuth2 client credentials (KEDA's <c>authModes: oauth</c>): the token endpoint, client id and
/// secret, scopes and extra endpoint parameters. ToString never shows the secret.
/// </summary>
/// <param name="TokenUri">oauthTokenURI: the token endpoint. Required.</param>
/// <param name="ClientId">clientID. Required.</param>
/// <param name="ClientSecret">clientSecret. Default none.</param>
/// <param name="Scopes">scopes (alias scope), comma-separated. Default none.</param>
/// <param name="EndpointParams">endpointParams: extra form fields, a URL query string. Default none.</param>
internal sealed record OAuthSettings(
    string TokenUri,
    string ClientId,
    string? ClientSecret,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<KeyValuePair<string, string>> EndpointParams)
{
    /// <inheritdoc />
    public override string ToString() => $"{nameof(OAuthSettings)} {{ TokenUri = {TokenUri}, ClientId = {ClientId} }}";
}
