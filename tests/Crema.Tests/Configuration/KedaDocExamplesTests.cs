using Crema.Core.Configuration;
using Crema.Core.Configuration.Import;
using Crema.Scalers;
using Crema.Tests.Support;

namespace Crema.Tests.Configuration;

/// <summary>
/// Every YAML example of KEDA 2.20's documentation pages for the scalers Crema has (KedaDocs/, copied unchanged),
/// converted by <see cref="KedaImporter"/> and loaded with the real scalers: each is valid, or fails with the one
/// difference named for it here (listed in docs/configuration.md, "Coming from KEDA"), or is an example KEDA
/// itself would reject (a parameter reference, a template).
/// </summary>
public sealed class KedaDocExamplesTests
{
    private static readonly string Directory = Path.Combine(RepositoryRoot.Path, "tests", "Crema.Tests", "Configuration", "KedaDocs");

    /// <summary>File → the error it must report, and why.</summary>
    private static readonly Dictionary<string, (string Error, string Why)> Expected = new(StringComparer.Ordinal)
    {
        ["aws-sqs-queue-1.yaml"] = ("\"pod | operator\" is not one of: pod, operator", "a parameter reference listing identityOwner's values; difference: KEDA reads an unknown identityOwner as operator"),
        ["aws-sqs-queue-2.yaml"] = ("AWS pod identity is not available to Crema", "difference: no AWS identity"),
        ["aws-sqs-queue-3.yaml"] = ("parameter \"awsRoleArn\" is not supported: KEDA assumes this role through AWS STS", "difference: no AWS identity to call STS with"),
        ["azure-queue-1.yaml"] = ("\"all|visibleonly\" is not one of: all, visibleonly", "a parameter reference listing queueLengthStrategy's values; KEDA rejects it too"),
        ["azure-queue-2.yaml"] = ("Azure Workload Identity is not available to Crema", "difference: no Azure identity"),
        ["cpu-2.yaml"] = ("only cpu/memory triggers and minReplicaCount is 0", "KEDA's webhook rejects it too (only cpu/memory and minReplicaCount 0, for a Deployment target)"),
        ["cpu-3.yaml"] = ("only cpu/memory triggers and minReplicaCount is 0", "KEDA's webhook rejects it too (only cpu/memory and minReplicaCount 0, for a Deployment target)"),
        ["cpu-4.yaml"] = ("cannot select container \"foo\"", "difference: containerName has no meaning on Cloud Run (and minReplicaCount 0 with only cpu, which KEDA's webhook rejects too)"),
        ["external-3.yaml"] = ("not valid YAML: Duplicate key", "the example repeats scalerAddress; Kubernetes rejects it too"),
        ["gcp-pubsub-1.yaml"] = ("exactly one of subscriptionName and topicName must be given", "a parameter reference listing the alternatives; KEDA rejects it too"),
        ["github-runner-1.yaml"] = ("\"{runnerScope}\" is not one of: org, ent, repo", "a parameter reference with placeholders; KEDA rejects it too"),
        ["github-runner-3.yaml"] = ("at least one scaled object is required", "difference: ScaledJob is not imported (Cloud Run jobs are not scaled)"),
        ["github-runner-4.yaml"] = ("at least one scaled object is required", "difference: ScaledJob is not imported (Cloud Run jobs are not scaled)"),
        ["kafka-1.yaml"] = ("parameter \"username\" is required", "a parameter reference: sasl plaintext without credentials; KEDA rejects it too"),
        ["kafka-8.yaml"] = ("AWS MSK IAM authentication", "difference: no AWS identity"),
        ["memory-2.yaml"] = ("only cpu/memory triggers and minReplicaCount is 0", "KEDA's webhook rejects it too (only cpu/memory and minReplicaCount 0, for a Deployment target)"),
        ["memory-3.yaml"] = ("only cpu/memory triggers and minReplicaCount is 0", "KEDA's webhook rejects it too (only cpu/memory and minReplicaCount 0, for a Deployment target)"),
        ["memory-4.yaml"] = ("cannot select container \"foo\"", "difference: containerName has no meaning on Cloud Run (and minReplicaCount 0 with only memory, which KEDA's webhook rejects too)"),
        ["metrics-api-2.yaml"] = ("Crema reads no Kubernetes Service endpoints", "difference: aggregateFromKubeServiceEndpoints needs the Kubernetes API"),
        ["postgresql-4.yaml"] = ("podIdentity azure-workload: KEDA's postgresql logs in to Azure Database for PostgreSQL", "difference: no Azure identity"),
        ["prometheus-8.yaml"] = ("Azure Workload Identity is not available to Crema", "difference: no Azure identity"),
        ["prometheus-9.yaml"] = ("AWS pod identity is not available to Crema", "difference: no AWS identity (and a Go template KEDA's tests fill in)"),
        ["rabbitmq-1.yaml"] = ("metadata.host: is not an absolute URL with a host name", "a parameter reference with placeholders (amqp://<host>:<port>/<vhost>); KEDA rejects it too"),
        ["rabbitmq-8.yaml"] = ("Azure Workload Identity is not available to Crema", "difference: no Azure identity"),
        ["rabbitmq-9.yaml"] = ("no triggerAuthentication named \"rabbitmq-trigger-auth\"", "the example names an authentication it does not define; KEDA rejects it too"),
        ["rabbitmq-10.yaml"] = ("no triggerAuthentication named \"rabbitmq-trigger-auth\"", "the example names an authentication it does not define; KEDA rejects it too"),
        ["rabbitmq-11.yaml"] = ("no triggerAuthentication named \"rabbitmq-trigger-auth\"", "the example names an authentication it does not define; KEDA rejects it too"),
        ["rabbitmq-12.yaml"] = ("no triggerAuthentication named \"rabbitmq-trigger-auth\"", "the example names an authentication it does not define; KEDA rejects it too"),
        ["redis-sentinel-streams-1.yaml"] = ("sentinelMaster: is required", "difference: the sentinel types need sentinelMaster when read; this parameter list omits it, and KEDA cannot connect without it"),
        ["temporal-1.yaml"] = ("cannot be combined with workerDeploymentName and workerDeploymentBuildId", "a parameter reference listing deprecated and current keys together; KEDA's Validate rejects it too"),
    };

    public static TheoryData<string> Examples() => [.. Files()];

    [Fact]
    public void Examples_CoverEveryScalerCremaHas()
    {
        var scalers = Files().Select(file => file[..file.LastIndexOf('-')]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

        scalers.ShouldBe(["aws-sqs-queue", "azure-queue", "beanstalkd", "cpu", "cron", "etcd", "external", "external-push", "gcp-cloudtasks", "gcp-pubsub", "gcp-stackdriver", "gcp-storage", "github-runner", "kafka", "memory", "metrics-api", "mysql", "nats-jetstream", "postgresql", "prometheus", "rabbitmq",
            "redis", "redis-cluster", "redis-cluster-streams", "redis-sentinel", "redis-sentinel-streams", "redis-streams", "temporal"]);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Import_KedaDocumentationExample_ValidOrTheNamedDifference(string file)
    {
        var (errors, notes) = ImportAndLoad(file);

        if (Expected.TryGetValue(file, out var expected))
        {
            errors.ShouldContain(e => e.Contains(expected.Error, StringComparison.Ordinal), $"{file} ({expected.Why}); got:\n{string.Join('\n', errors)}");
        }
        else
        {
            errors.ShouldBeEmpty($"{file}; notes:\n{string.Join('\n', notes)}");
        }
    }

    [Fact]
    public void Import_ExampleWithSecret_NotesHowToMountItForSecretTargetRef()
    {
        var (_, notes) = ImportAndLoad("prometheus-3.yaml");

        notes.ShouldContain(n => n.Contains("Secret keda-prom-secret is not imported: secretTargetRef reads each key from the file SECRETS_DIR/keda-prom-secret/KEY", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Files() =>
        System.IO.Directory.GetFiles(Directory, "*.yaml").Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal);

    private static (IReadOnlyList<string> Errors, IReadOnlyList<string> Notes) ImportAndLoad(string file)
    {
        var text = File.ReadAllText(Path.Combine(Directory, file));
        // Trigger-only snippets are the body of a ScaledObject spec; the docs leave the host for the reader.
        // Some snippets are indented as they would sit in a spec; the common indent is taken off first.
        var lines = text.Split('\n');
        var triggers = lines.FirstOrDefault(l => l.TrimStart().StartsWith("triggers:", StringComparison.Ordinal));
        if (triggers is not null && !text.Contains("kind:", StringComparison.Ordinal))
        {
            var indent = triggers.Length - triggers.TrimStart().Length;
            text = "apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata: {name: example}\nspec:\n  scaleTargetRef: {name: example}\n"
                + string.Join('\n', lines.Select(l => "  " + (l.Length >= indent && l[..indent].Trim().Length == 0 ? l[indent..] : l)));
        }
        text = text.Replace("<prometheus-host>", "prometheus.example", StringComparison.Ordinal);
        var imported = KedaImporter.Import([(file, text)], new KedaImportTarget("my-project", "us-central1"));
        if (imported.Yaml is null || imported.Errors.Count > 0)
        {
            return (imported.Errors, imported.Notes);
        }
        var loaded = ConfigLoader.Load(imported.Yaml, file, BuiltInScalers.CreateRegistry());
        return ([.. loaded.Errors.Select(e => e.ToString())], imported.Notes);
    }
}
