using Crema.Abstractions;
using Crema.Scalers.External;

namespace Crema.Tests.Scalers.External;

/// <summary>Builds trigger contexts for the external scaler tests; each gets its own HTTP client pool unless one is given.</summary>
internal static class ExternalTestContexts
{
    public static ScalerContext Create(
        Dictionary<string, string> metadata,
        string type = "external",
        Dictionary<string, string>? authParams = null,
        TimeProvider? timeProvider = null,
        IScalerServices? services = null,
        Func<string, string?>? environment = null,
        string scaledObjectName = "orders-worker",
        bool validationOnly = false) => new()
        {
            TriggerType = type,
            TriggerName = "0",
            ScaledObjectName = scaledObjectName,
            Metadata = metadata,
            AuthParams = authParams ?? [],
            TimeProvider = timeProvider ?? TimeProvider.System,
            Services = services ?? new DefaultScalerServices(),
            Environment = environment ?? (_ => null),
            ValidationOnly = validationOnly,
        };

    /// <summary>A client for a cleartext server at <paramref name="address"/> (host:port), on its own services' channel.</summary>
    public static ExternalScalerClient CreateClient(string address, TimeProvider timeProvider) =>
        new(ExternalChannelPool.Rent(new DefaultScalerServices(), new Uri($"http://{address}/"), new HttpClientSettings(Http2Only: true)), timeProvider);
}
