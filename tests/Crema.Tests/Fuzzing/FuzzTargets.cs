using Crema.Scalers.MetricsApi;

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
            NatsJsz(), NatsVarz(), Beanstalkd(), EtcdReplies(), EtcdError(), AwsSqs(), AzureQueue(), GcpStorage(), CloudRunUtilization(),
            MetricsApiReplies(MetricsApiFormat.Json), MetricsApiReplies(MetricsApiFormat.Xml), MetricsApiReplies(MetricsApiFormat.Yaml),
            MetricsApiReplies(MetricsApiFormat.Prometheus), MetricsApiLocation(), Cron(), ExternalPushStream(), CloudStorageLease(), KubernetesLease(),
        }.ToDictionary(t => t.Name, StringComparer.Ordinal));

    public static IEnumerable<string> Names => All.Value.Keys;

    public static FuzzTarget Get(string name) => All.Value[name];

    /// <summary>The names in <paramref name="selection"/> (comma-separated), or every name when it is empty.</summary>
    public static IReadOnlyList<string> Select(string? selection)
    {
        if (string.IsNullOrWhiteSpace(selection))
        {
            return [.. Names];
        }
        var chosen = selection.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = chosen.Where(n => !All.Value.ContainsKey(n)).ToList();
        return unknown.Count == 0
            ? chosen
            : throw new ArgumentException($"unknown fuzz target(s) {string.Join(", ", unknown)}; known: {string.Join(", ", Names)}", nameof(selection));
    }

    /// <summary>Null when <paramref name="text"/> is safe on one log line and shows no planted secret; else what is wrong.</summary>
    private static string? Clean(string text, string what) => FuzzOracle.Check(text, what);
}
