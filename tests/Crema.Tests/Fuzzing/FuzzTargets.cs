using Crema.Tests.Configuration;

namespace Crema.Tests.Fuzzing;

/// <summary>Every fuzzed parser by name: the config loader and each parser of what a source, Google or GitHub answers.</summary>
internal static partial class FuzzTargets
{
    private static readonly Lazy<IReadOnlyDictionary<string, FuzzTarget>> All = new(() =>
        new[]
        {
            ConfigLoader(), KedaImport(), ScalingFormula(),
            Prometheus(), Monitoring(), MonitoringError(), GoogleError(), CloudRun(), SecretPayload(), OAuthToken(),
            RabbitMq(), GitHubJobs(), GitHubRuns(), GitHubLinks(), ErrorExcerpt(), RedisInfo(),
            KafkaLag(), ExternalReplies(), TemporalReplies(), SqlValue(), SqlConnection(),
        }.ToDictionary(t => t.Name, StringComparer.Ordinal));

    public static IEnumerable<string> Names => All.Value.Keys;

    public static FuzzTarget Get(string name) => All.Value[name];

    /// <summary>Null when <paramref name="text"/> is safe on one log line; else what is wrong.</summary>
    private static string? Clean(string text, string what) =>
        UntrustedConfigTextTests.IsClean(text) ? null : $"{what} carries a control character: {text}";
}
