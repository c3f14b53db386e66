namespace Crema.Abstractions;

/// <summary>Services the host shares with every scaler, so connections and tokens are reused.</summary>
public interface IScalerServices
{
    /// <summary>
    /// Returns an HttpClient for the given settings. Clients are shared between scalers with the
    /// same settings; callers must not dispose them.
    /// </summary>
    HttpClient GetHttpClient(HttpClientSettings settings);

    /// <summary>Google access tokens from Application Default Credentials, or null when none are configured.</summary>
    IAccessTokenSource? GoogleTokens { get; }
}
