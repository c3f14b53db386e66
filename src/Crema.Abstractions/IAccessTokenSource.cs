namespace Crema.Abstractions;

/// <summary>
/// Google OAuth access tokens for scalers that call Google APIs with the daemon's identity
/// (<c>podIdentity: {provider: gcp}</c>, Application Default Credentials). Tokens are cached by the host.
/// </summary>
public interface IAccessTokenSource
{
    /// <summary>Returns a bearer token for the given OAuth scopes.</summary>
    ValueTask<string> GetAccessTokenAsync(IReadOnlyList<string> scopes, CancellationToken cancellationToken);
}
