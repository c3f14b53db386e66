using Crema.Core.Configuration;
using Crema.Core.Configuration.Import;
using Crema.Core.Expressions;
using Crema.Scalers;
using Crema.Tests.Support;
using FsCheck.Fluent;

namespace Crema.Tests.Fuzzing;

internal static partial class FuzzTargets
{
    private static readonly string[] ConfigKeys =
    [
        "apiVersion", "kind", "spec", "pollingInterval", "scaledObjects", "metadata", "name", "annotations", "labels", "triggerAuthentications",
        "scaleTargetRef", "minReplicaCount", "maxReplicaCount", "cooldownPeriod", "initialCooldownPeriod", "idleReplicaCount", "fallback",
        "failureThreshold", "replicas", "behavior", "advanced", "horizontalPodAutoscalerConfig", "scaleUp", "scaleDown",
        "stabilizationWindowSeconds", "policies", "type", "value", "periodSeconds", "selectPolicy", "tolerance", "scalingModifiers", "formula",
        "target", "activationTarget", "metricType", "triggers", "authenticationRef", "useCachedMetrics", "gcpSecretManager", "secrets",
        "parameter", "id", "version", "podIdentity", "provider", "secretTargetRef", "key", "env", "containerName", "file", "path",
        "serverAddress", "query", "threshold", "activationThreshold", "timezone", "start", "end", "desiredReplicas", "subscriptionName",
        "bootstrapServers", "consumerGroup", "topic", "lagThreshold", "owner", "repos", "runnerScope", "scalerAddress", "host", "queueName",
        "mode", "listName", "address", "namespace", "taskQueue", "autoscaling.keda.sh/paused", "autoscaling.keda.sh/paused-replicas",
    ];

    private static readonly string[] ConfigWords =
    [
        "crema/v1", "CremaConfig", "prometheus", "cron", "kafka", "apache-kafka", "gcp-pubsub", "gcp-stackdriver", "gcp-cloudtasks", "github-runner",
        "rabbitmq", "redis", "redis-streams", "temporal", "external", "external-push", "cpu",
        "projects/p/locations/us-central1/workerPools/w", "projects/p/locations/us-central1/services/s", "Pods", "Percent", "Max", "Min", "Disabled",
        "AverageValue", "Value", "Utilization", "http://127.0.0.1:9090", "up", "sum(x)", "a + b", "UTC", "Europe/Berlin", "0 8 * * 1-5", "*/5 * * * *",
        "QueueLength", "MessageRate", "amqp://guest:guest@localhost/", "localhost:6379", "true", "false", "gcp", "latest", "5m", "1h",
    ];

    private static FuzzTarget ConfigLoader()
    {
        var registry = BuiltInScalers.CreateRegistry();
        var seeds = ConfigSeeds();
        var inputs = Gen.Frequency((1, Gen.Elements(seeds)), (6, FuzzInputs.MutatedYaml(seeds, [.. ConfigKeys, .. ConfigWords])), (3, FuzzInputs.Json(ConfigKeys, ConfigWords)));
        return new FuzzTarget("config", inputs, text =>
        {
            // Documented: never throws; every problem is a diagnostic naming its place, safe to print.
            var result = Crema.Core.Configuration.ConfigLoader.Load(text, "fuzz.yaml", registry);
            foreach (var diagnostic in result.Errors.Concat(result.Warnings))
            {
                if (diagnostic.Message.StartsWith("internal error", StringComparison.Ordinal))
                {
                    return diagnostic.ToString();
                }
                if (Clean(diagnostic.ToString(), "a diagnostic") is { } dirty)
                {
                    return dirty;
                }
            }
            return result.IsValid == (result.Config is null) ? "valid without a config, or a config with errors" : null;
        });
    }

    private static FuzzTarget KedaImport()
    {
        var registry = BuiltInScalers.CreateRegistry();
        var seeds = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "tests", "Crema.Tests", "Configuration", "KedaDocs"), "*.yaml").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        var inputs = Gen.Frequency((1, Gen.Elements(seeds)), (7, FuzzInputs.MutatedYaml(seeds, [.. ConfigKeys, .. ConfigWords, "ScaledObject", "TriggerAuthentication", "keda.sh/v1alpha1"])));
        return new FuzzTarget("keda-import", inputs, text =>
        {
            var result = KedaImporter.Import([("fuzz.yaml", text)], new KedaImportTarget("p", "us-central1"));
            foreach (var line in result.Notes.Concat(result.Errors))
            {
                if (Clean(line, "a note") is { } dirty)
                {
                    return dirty;
                }
            }
            var loaded = result.Yaml is null ? null : Crema.Core.Configuration.ConfigLoader.Load(result.Yaml, "imported.yaml", registry);
            return loaded?.Errors.FirstOrDefault(d => d.Message.StartsWith("internal error", StringComparison.Ordinal))?.ToString();
        });
    }

    private static FuzzTarget ScalingFormula()
    {
        string[] seeds = ["a + b", "max(a, b) / 2", "a > 10 ? a : b ?? 0", "(a * 2 - b) % 3", "-a ** 2", "min(a,b,c)", "a == b && !c", "float(a)", "ceil(a / 3.5)"];
        var inputs = Gen.Frequency((1, Gen.Elements(seeds)), (6, FuzzInputs.Mutated(seeds, ["(", ")", "?", ":", "??", "**", "&&", "||", "!", "max(", ",", ".", "1e999", "a", "b"])));
        var variables = new Dictionary<string, double> { ["a"] = 3, ["b"] = -2.5, ["c"] = 0 };
        return new FuzzTarget("formula", inputs, text =>
        {
            var formula = Formula.Parse(text);
            formula.EvaluateOrNil(variables);
            return null;
        }, typeof(FormulaException));
    }

    private static string[] ConfigSeeds()
    {
        var root = RepositoryRoot.Path;
        var files = new[] { Path.Combine(root, "crema.example.yaml") }
            .Concat(Directory.GetFiles(Path.Combine(root, "samples"), "*.yaml", SearchOption.AllDirectories).Where(f => !f.Contains("cloud-run", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal);
        return [.. files.Select(File.ReadAllText)];
    }
}
