using Crema.Abstractions;
using Crema.Tests.Support;

namespace Crema.Tests.Scalers.Prometheus;

/// <summary>Builds prometheus trigger contexts for tests from a compact "key=value|key=value" text.</summary>
internal static class PrometheusTriggers
{
    public const string ValidMetadata = "serverAddress=http://prom.example:9090|query=sum(up)|threshold=10";

    /// <summary>Parses "k=v|k2=v2" over <paramref name="baseline"/>; "-key" removes a key (see <see cref="TestTriggers.Parse"/>).</summary>
    public static Dictionary<string, string> Metadata(string changes, string baseline = ValidMetadata) => TestTriggers.Parse(changes, baseline);

    public static ScalerContext Context(
        IReadOnlyDictionary<string, string> metadata,
        IReadOnlyDictionary<string, string>? authParams = null,
        bool validationOnly = false,
        bool podIdentity = false,
        Func<string, string?>? environment = null,
        IScalerServices? services = null,
        TimeProvider? timeProvider = null) =>
        TestTriggers.For("prometheus", metadata, authParams, validationOnly, podIdentity, environmentLookup: environment ?? (_ => null), services: services, timeProvider: timeProvider);

    /// <summary>Parses "k=v|k2=v2" auth parameters (no baseline).</summary>
    public static Dictionary<string, string> Auth(string entries) => Metadata(entries, baseline: "");
}
