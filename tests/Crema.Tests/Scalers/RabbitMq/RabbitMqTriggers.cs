using Crema.Abstractions;
using Crema.Scalers.RabbitMq;
using Crema.Tests.Support;

namespace Crema.Tests.Scalers.RabbitMq;

/// <summary>Builds rabbitmq trigger contexts and scalers for tests from compact "key=value|key=value" texts.</summary>
internal static class RabbitMqTriggers
{
    public static ScalerContext Context(string metadata, string auth = "", bool validationOnly = false, IReadOnlyDictionary<string, string>? environment = null, TimeProvider? timeProvider = null) =>
        TestTriggers.For("rabbitmq", TestTriggers.Parse(metadata), TestTriggers.Parse(auth), validationOnly: validationOnly, environment: environment, timeProvider: timeProvider);

    public static IScaler Scaler(string metadata, string auth = "") => new RabbitMqScalerFactory().Create(Context(metadata, auth));

    /// <summary>Reads once and returns the reading, or the exception's message when it throws.</summary>
    public static async Task<(MetricReading? Reading, string? Error)> ReadOnceAsync(string metadata, string auth = "")
    {
        await using var scaler = Scaler(metadata, auth);
        try
        {
            return (await scaler.ReadAsync(CancellationToken.None), null);
        }
        catch (Exception e) when (e is not ShouldAssertException)
        {
            return (null, e.Message);
        }
    }
}
