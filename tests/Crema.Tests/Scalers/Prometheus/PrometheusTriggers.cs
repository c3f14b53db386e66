using Crema.Abstractions;

namespace Crema.Tests.Scalers.Prometheus;

/// <summary>Builds prometheus trigger contexts for tests from a compact "key=value|key=value" text.</summary>
internal static class PrometheusTriggers
{
    public const string ValidMetadata = "serverAddress=http://prom.example:9090|query=sum(up)|threshold=10";

    /// <summary>
    /// Parses "k=v|k2=v2" (first '=' splits, so values may hold '=' and ','). Applied over
    /// <paramref name="baseline"/>; an entry "-key" removes the key.
    /// </summary>
    public static Dictionary<string, string> Metadata(string changes, string baseline = ValidMetadata)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in (baseline + "|" + changes).Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            if (entry.StartsWith('-'))
            {
                metadata.Remove(entry[1..]);
                continue;
            }
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            metadata[entry[..equals]] = entry[(equals + 1)..];
        }
        return metadata;
    }

    public static ScalerContext Context(
        IReadOnlyDictionary<string, string> metadata,
        IReadOnlyDictionary<string, string>? authParams = null,
        bool validationOnly = false,
        bool podIdentity = false,
        Func<string, string?>? environment = null,
        IScalerServices? services = null,
        TimeProvider? timeProvider = null) => new()
        {
            TriggerType = "prometheus",
            TriggerName = "0",
            ScaledObjectName = "worker",
            Metadata = metadata,
            AuthParams = authParams ?? new Dictionary<string, string>(),
            ValidationOnly = validationOnly,
            UsePodIdentity = podIdentity,
            Environment = environment ?? (_ => null),
            Services = services ?? DefaultScalerServices.Instance,
            TimeProvider = timeProvider ?? TimeProvider.System,
        };

    /// <summary>Parses "k=v|k2=v2" auth parameters (no baseline).</summary>
    public static Dictionary<string, string> Auth(string entries) => Metadata(entries, baseline: "");
}
