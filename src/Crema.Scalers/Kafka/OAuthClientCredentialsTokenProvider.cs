using Crema.Scalers.Http;

namespace Crema.Scalers.Kafka;

/// <summary>
/// KEDA's <c>saslTokenProvider: bearer</c>: the OAuth 2.0 client-credentials grant against
/// oauthTokenEndpointUri, made by the shared <see cref="OAuthTokenCache"/> (HTTP Basic first, then the
/// credentials in the body, as Go's oauth2 package KEDA uses). The token is opaque (not parsed): its
/// lifetime comes from expires_in (one hour when absent). Failures become <see cref="KafkaReadException"/>s,
/// whose message librdkafka reports.
/// </summary>
internal sealed class OAuthClientCredentialsTokenProvider(
    KafkaOAuthOptions options, string clientId, string clientSecret, HttpClient http, TimeProvider time) : IKafkaTokenProvider
{
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(1);

    private readonly OAuthTokenCache tokens = new(
        http,
        new OAuthSettings(options.TokenEndpoint.AbsoluteUri, clientId, clientSecret, options.Scopes, []),
        time,
        HttpSourceOptions.DefaultMaxResponseBytes,
        DefaultLifetime);

    public async Task<KafkaToken> GetTokenAsync(CancellationToken cancellationToken)
    {
        try
        {
            var (token, expires) = await tokens.GetTokenWithExpiryAsync(cancellationToken).ConfigureAwait(false);
            return new KafkaToken(token, expires, clientId, options.Extensions);
        }
        catch (HttpSourceException e)
        {
            throw new KafkaReadException(e.Message);
        }
    }
}
