using System.Collections.Concurrent;

namespace Crema.Abstractions;

/// <summary>
/// Shares one HttpClient per distinct <see cref="HttpClientSettings"/>; no Google tokens.
/// Used by tests and by <c>crema validate</c>; the daemon supplies its own with ADC.
/// </summary>
public sealed class DefaultScalerServices : IScalerServices
{
    private readonly ConcurrentDictionary<HttpClientSettings, HttpClient> clients = new();

    /// <summary>Creates services with optional Google tokens.</summary>
    public DefaultScalerServices(IAccessTokenSource? googleTokens = null) => GoogleTokens = googleTokens;

    /// <summary>A process-wide instance without Google tokens.</summary>
    public static DefaultScalerServices Instance { get; } = new();

    /// <inheritdoc />
    public IAccessTokenSource? GoogleTokens { get; }

    /// <inheritdoc />
    public HttpClient GetHttpClient(HttpClientSettings settings) =>
        clients.GetOrAdd(settings, s => new HttpClient(s.CreateHandler()) { Timeout = Timeout.InfiniteTimeSpan });
}
