using System.Collections.Concurrent;
using Crema.Abstractions;
using Google.Apis.Auth.OAuth2;

namespace Crema.Google;

/// <summary>
/// Access tokens from Application Default Credentials: the metadata server on Cloud Run,
/// GOOGLE_APPLICATION_CREDENTIALS or gcloud's user credentials locally. The credential is loaded
/// once (retried on the next call if loading failed); each scope set gets one scoped credential,
/// which caches its token and refreshes it before it expires.
/// </summary>
public sealed class GoogleAccessTokenSource : IAccessTokenSource
{
    private readonly Func<CancellationToken, Task<GoogleCredential>> loadCredential;
    private readonly ConcurrentDictionary<string, ITokenAccess> scoped = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim loadGate = new(1, 1);
    private GoogleCredential? credential;

    /// <summary>Uses Application Default Credentials.</summary>
    public GoogleAccessTokenSource()
        : this(GoogleCredential.GetApplicationDefaultAsync)
    {
    }

    internal GoogleAccessTokenSource(Func<CancellationToken, Task<GoogleCredential>> loadCredential) =>
        this.loadCredential = loadCredential;

    /// <inheritdoc />
    public async ValueTask<string> GetAccessTokenAsync(IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var baseCredential = await LoadAsync(cancellationToken).ConfigureAwait(false);
        var sorted = scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var access = scoped.GetOrAdd(
            string.Join(' ', sorted),
            static (_, state) => state.Credential.CreateScoped(state.Scopes),
            (Credential: baseCredential, Scopes: sorted));
        return await access.GetAccessTokenForRequestAsync(authUri: null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<GoogleCredential> LoadAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref credential) is { } loaded)
        {
            return loaded;
        }

        await loadGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            credential ??= await loadCredential(cancellationToken).ConfigureAwait(false);
            return credential;
        }
        finally
        {
            loadGate.Release();
        }
    }
}
