using System.Collections.Concurrent;
using Crema.Abstractions;
using Google.Apis.Auth.OAuth2;

namespace Crema.Scalers.Gcp.Monitoring;

/// <summary>
/// Access tokens minted from a service-account key. One instance per distinct key for the whole
/// process (keyed by a hash of the key), so every trigger with the same key shares one cached token.
/// </summary>
internal sealed class ServiceAccountTokenSource : IAccessTokenSource
{
    private static readonly ConcurrentDictionary<string, ServiceAccountTokenSource> Shared = new(StringComparer.Ordinal);

    private readonly ServiceAccountCredential credential;
    private readonly ConcurrentDictionary<string, ITokenAccess> scoped = new(StringComparer.Ordinal);

    private ServiceAccountTokenSource(ServiceAccountCredential credential) => this.credential = credential;

    /// <summary>The shared token source of a service-account credential.</summary>
    public static ServiceAccountTokenSource For(GcpCredentials credentials)
    {
        var json = credentials.ServiceAccountJson
            ?? throw new ArgumentException("Not a service-account credential.", nameof(credentials));
        return Shared.GetOrAdd(credentials.CacheKey, _ =>
            new ServiceAccountTokenSource(CredentialFactory.FromJson<ServiceAccountCredential>(json)));
    }

    /// <inheritdoc />
    public async ValueTask<string> GetAccessTokenAsync(IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        var access = scoped.GetOrAdd(string.Join(' ', scopes), _ => credential.ToGoogleCredential().CreateScoped(scopes));
        // The credential caches the token and refreshes it shortly before it expires.
        return await access.GetAccessTokenForRequestAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
