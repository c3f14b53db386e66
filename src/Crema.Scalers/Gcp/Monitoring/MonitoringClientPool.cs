using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Crema.Abstractions;

namespace Crema.Scalers.Gcp.Monitoring;

/// <summary>
/// Hands out one <see cref="MonitoringClient"/> per host services, endpoint and credential, so
/// triggers of many scaled objects share connections and tokens instead of multiplying them.
/// </summary>
internal static class MonitoringClientPool
{
    /// <summary>Environment variable that points every GCP scaler at another Monitoring endpoint (base URL).</summary>
    public const string EndpointVariable = "CREMA_MONITORING_ENDPOINT";

    private static readonly ConditionalWeakTable<IScalerServices, ConcurrentDictionary<string, MonitoringClient>> Pools = new();

    /// <summary>The shared client for a trigger's context and credentials.</summary>
    public static MonitoringClient Get(ScalerContext context, GcpCredentials credentials)
    {
        var endpoint = ResolveEndpoint(context.Environment);
        var pool = Pools.GetValue(context.Services, _ => new ConcurrentDictionary<string, MonitoringClient>(StringComparer.Ordinal));
        return pool.GetOrAdd(endpoint.AbsoluteUri + "|" + credentials.CacheKey, _ =>
        {
            var http = context.Services.GetHttpClient(HttpClientSettings.Default);
            var tokens = credentials.UsesDaemonIdentity ? context.Services.GoogleTokens : LoadKey(credentials);
            return new MonitoringClient(http, endpoint, tokens, credentials.Identity);
        });
    }

    /// <summary>CREMA_MONITORING_ENDPOINT when set (an absolute http or https URL), else the public endpoint.</summary>
    public static Uri ResolveEndpoint(Func<string, string?> environment)
    {
        var text = environment(EndpointVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return MonitoringClient.DefaultEndpoint;
        }
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException($"{EndpointVariable} \"{text}\" is not an absolute http or https URL.");
        }
        // The request paths are relative (v3/...), so the base must end with a slash.
        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    /// <summary>The token source of a service-account key; an error naming only the identity when the key cannot be loaded.</summary>
    internal static ServiceAccountTokenSource LoadKey(GcpCredentials credentials)
    {
        try
        {
            return ServiceAccountTokenSource.For(credentials);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The library's message may quote key material; name the type only.
            throw new InvalidOperationException(
                $"The service-account key of {credentials.Identity} could not be loaded ({e.GetType().Name}); check its private_key.");
        }
    }
}
