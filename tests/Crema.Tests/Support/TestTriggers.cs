using Crema.Abstractions;

namespace Crema.Tests.Support;

/// <summary>
/// The one way scaler tests build a <see cref="ScalerContext"/>: metadata and auth parameters from a
/// compact <c>"key=value|key=value"</c> text or a dictionary, a fake environment, and the clock and
/// services of the test. Scalers' own test helpers wrap it with their baseline metadata.
/// </summary>
internal static class TestTriggers
{
    /// <summary>
    /// Parses <c>"k=v|k2=v2"</c> (the first '=' splits, so values may hold '=' and ','), applied over
    /// <paramref name="baseline"/>; an entry <c>"-key"</c> removes the key.
    /// </summary>
    public static Dictionary<string, string> Parse(string changes, string baseline = "")
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in (baseline + "|" + changes).Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            if (entry.StartsWith('-'))
            {
                map.Remove(entry[1..]);
                continue;
            }
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            map[entry[..equals]] = entry[(equals + 1)..];
        }
        return map;
    }

    /// <summary>A context for <paramref name="type"/> with everything a test may set.</summary>
    public static ScalerContext For(
        string type,
        IReadOnlyDictionary<string, string> metadata,
        IReadOnlyDictionary<string, string>? authParams = null,
        bool validationOnly = false,
        bool podIdentity = false,
        IReadOnlyDictionary<string, string>? environment = null,
        Func<string, string?>? environmentLookup = null,
        IScalerServices? services = null,
        TimeProvider? timeProvider = null,
        MetricType metricType = MetricType.AverageValue,
        string scaledObjectName = "worker") => new()
        {
            TriggerType = type,
            TriggerName = "0",
            ScaledObjectName = scaledObjectName,
            Metadata = metadata,
            AuthParams = authParams ?? new Dictionary<string, string>(),
            ValidationOnly = validationOnly,
            UsePodIdentity = podIdentity,
            MetricType = metricType,
            Environment = environmentLookup ?? (name => environment is not null && environment.TryGetValue(name, out var value) ? value : null),
            Services = services ?? DefaultScalerServices.Instance,
            TimeProvider = timeProvider ?? TimeProvider.System,
        };

    /// <summary>A context from compact texts: <c>For("redis", "listName=jobs|listLength=5", auth: "password=p")</c>.</summary>
    public static ScalerContext For(string type, string metadata, string auth = "", bool validationOnly = false, TimeProvider? timeProvider = null, IScalerServices? services = null) =>
        For(type, Parse(metadata), Parse(auth), validationOnly: validationOnly, timeProvider: timeProvider, services: services);
}
