using System.Collections.Concurrent;
using Crema.Abstractions;
using Crema.Scalers.Kafka;

namespace Crema.Tests.Scalers.Kafka;

/// <summary>Builds kafka scalers for tests, each test with its own host services (so its own client pool).</summary>
internal static class KafkaTestContexts
{
    public static ScalerContext Context(
        string bootstrap,
        Dictionary<string, string>? metadata = null,
        Dictionary<string, string>? auth = null,
        IScalerServices? services = null,
        bool podIdentity = false)
    {
        var all = new Dictionary<string, string> { ["bootstrapServers"] = bootstrap, ["consumerGroup"] = "g1", ["topic"] = "orders", ["allowIdleConsumers"] = "true" };
        foreach (var (key, value) in metadata ?? [])
        {
            all[key] = value;
        }
        return new ScalerContext
        {
            TriggerType = "kafka",
            TriggerName = "0",
            ScaledObjectName = "so",
            Metadata = all,
            AuthParams = auth ?? [],
            Services = services ?? new DefaultScalerServices(),
            UsePodIdentity = podIdentity,
        };
    }

    public static IScaler Create(ScalerContext context) => new KafkaScalerFactory().Create(context);
}

/// <summary>A Google token source that hands out one token and records the scopes asked for.</summary>
internal sealed class RecordingGoogleTokens(string token) : IAccessTokenSource
{
    public ConcurrentQueue<string> Scopes { get; } = new();

    public ValueTask<string> GetAccessTokenAsync(IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        Scopes.Enqueue(string.Join(' ', scopes));
        return ValueTask.FromResult(token);
    }
}
