using System.Security.Cryptography;
using Crema.Host.Cli;
using Crema.Host.Daemon;
using Crema.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Crema.Tests.Samples;

/// <summary>
/// samples/cloud-run/deploy.sh against a fake gcloud that records its calls: each role on the one resource
/// that needs it, a second run that creates nothing and deploys the new config, and the service it deploys
/// (one instance, CPU always allocated, probes, the lease, the commit in the image tag).
/// </summary>
public sealed class CloudRunDeployScriptTests
{
    private const string Crema = "serviceAccount:crema@acme.iam.gserviceaccount.com";
    private static readonly string Script = Path.Combine(RepositoryRoot.Path, "samples", "cloud-run", "deploy.sh");

    // Two targets in two projects, a trigger that reads Cloud Monitoring, and a target commented out.
    private const string TwoTargets = """
        spec:
          scaledObjects:
            - spec:
                scaleTargetRef: {name: projects/acme/locations/us-central1/workerPools/renderer}
                triggers: [{type: gcp-pubsub, metadata: {subscriptionName: jobs}}]
            - spec:
                scaleTargetRef:
                  name: projects/acme-edge/locations/europe-west1/services/api   # another project
            # - spec: {scaleTargetRef: {name: projects/acme/locations/us-central1/workerPools/retired}}
        """;

    private static readonly Dictionary<string, string> SecretSettings = new()
    {
        ["PROJECT_ID"] = "acme",
        ["WORKLOAD_SERVICE_ACCOUNTS"] = "renderer@acme.iam.gserviceaccount.com,api@acme-edge.iam.gserviceaccount.com",
        ["TRIGGER_SECRETS"] = "github-token",
    };

    [Fact]
    public async Task Script_BashAndShellcheck_FindNothing()
    {
        var syntax = await ToolRun.RunAsync("/bin/bash", ["-n", Script]);
        var lint = await ToolRun.RunAsync("/usr/bin/shellcheck", [Script, Path.Combine(RepositoryRoot.Path, "tests", "Crema.Tests", "Samples", "FakeGcloud", "gcloud")]);

        syntax.ExitCode.ShouldBe(0, syntax.Errors);
        lint.ExitCode.ShouldBe(0, lint.Output + lint.Errors);
    }

    [Fact]
    public async Task Shellcheck_UnquotedConfigPath_IsReported()
    {
        // The lint can fail: the same script with one expansion unquoted does.
        var mutated = Path.Combine(Directory.CreateTempSubdirectory("crema-deploy-lint-").FullName, "deploy.sh");
        try
        {
            var text = await File.ReadAllTextAsync(Script);
            text.ShouldContain("sed 's/#.*//' \"$CONFIG_FILE\"");
            await File.WriteAllTextAsync(mutated, text.Replace("sed 's/#.*//' \"$CONFIG_FILE\"", "sed 's/#.*//' $CONFIG_FILE", StringComparison.Ordinal));

            var lint = await ToolRun.RunAsync("/usr/bin/shellcheck", [mutated]);

            lint.ExitCode.ShouldNotBe(0);
            lint.Output.ShouldContain("SC2086");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(mutated)!, recursive: true);
        }
    }

    [Fact]
    public async Task SecretStore_TargetsInConfig_GrantsEachRoleOnlyOnItsResource()
    {
        using var sandbox = await DeployScriptSandbox.CreateAsync(TwoTargets);

        var run = await sandbox.RunAsync(SecretSettings);

        run.ExitCode.ShouldBe(0, run.Output);
        run.Bindings.ShouldBe(
            [
                $"run worker-pools add-iam-policy-binding renderer --project acme --region us-central1 --member {Crema} --role roles/run.developer",
                $"run services add-iam-policy-binding api --project acme-edge --region europe-west1 --member {Crema} --role roles/run.developer",
                $"iam service-accounts add-iam-policy-binding renderer@acme.iam.gserviceaccount.com --project acme --member {Crema} --role roles/iam.serviceAccountUser",
                $"iam service-accounts add-iam-policy-binding api@acme-edge.iam.gserviceaccount.com --project acme --member {Crema} --role roles/iam.serviceAccountUser",
                $"projects add-iam-policy-binding acme --member {Crema} --role roles/monitoring.viewer --condition None",
                $"secrets add-iam-policy-binding github-token --project acme --member {Crema} --role roles/secretmanager.secretAccessor",
                $"storage buckets add-iam-policy-binding gs://acme-crema --member {Crema} --role roles/storage.objectUser",
                $"secrets add-iam-policy-binding crema-config --project acme --member {Crema} --role roles/secretmanager.secretAccessor",
            ],
            ignoreOrder: true);
        run.Calls.ShouldContain("services enable run.googleapis.com iam.googleapis.com storage.googleapis.com artifactregistry.googleapis.com cloudbuild.googleapis.com monitoring.googleapis.com secretmanager.googleapis.com --project acme");
        run.Output.ShouldNotContain("WARNING");
    }

    [Fact]
    public async Task SecretStore_SecondRun_CreatesNothingAndMountsTheNewVersion()
    {
        using var sandbox = await DeployScriptSandbox.CreateAsync(TwoTargets);

        var first = await sandbox.RunAsync(SecretSettings);
        var second = await sandbox.RunAsync(SecretSettings);

        first.ExitCode.ShouldBe(0, first.Output);
        second.ExitCode.ShouldBe(0, second.Output);
        first.Calls.Count(call => call.Split(' ').Contains("create")).ShouldBe(4);   // account, bucket, secret, repository
        second.Calls.Where(call => call.Split(' ').Contains("create")).ShouldBeEmpty();
        second.Calls.ShouldContain("secrets versions add crema-config --project acme --data-file crema.yaml");
        first.Calls.Count(call => call.StartsWith("builds submit ", StringComparison.Ordinal)).ShouldBe(1);
        second.Calls.ShouldNotContain(call => call.StartsWith("builds submit ", StringComparison.Ordinal));   // the commit's image is there
        second.Bindings.ShouldBe(first.Bindings);
        SecretItemKey(Load(first.Manifest)).ShouldBe("1");
        SecretItemKey(Load(second.Manifest)).ShouldBe("2");
    }

    [Fact]
    public async Task SecretStore_Service_OneInstanceCpuAlwaysOnProbesLeaseAndTheCommit()
    {
        using var sandbox = await DeployScriptSandbox.CreateAsync(TwoTargets);

        var run = await sandbox.RunAsync(SecretSettings);

        run.ExitCode.ShouldBe(0, run.Output);
        var image = $"us-central1-docker.pkg.dev/acme/crema/crema:{sandbox.Commit}";
        run.Calls.ShouldContain(call => call.StartsWith("builds submit ", StringComparison.Ordinal) && call.EndsWith($"--substitutions _IMAGE={image},_REVISION={sandbox.Commit}", StringComparison.Ordinal));
        run.Calls.ShouldContain(call => call.StartsWith("run services replace ", StringComparison.Ordinal) && call.EndsWith(" --project acme --region us-central1", StringComparison.Ordinal));
        var service = Load(run.Manifest);
        Text(service, "metadata", "annotations", "run.googleapis.com/ingress").ShouldBe("internal");
        Text(service, "metadata", "labels", "crema-version").ShouldBe(sandbox.Commit);
        Text(service, "spec", "template", "metadata", "annotations", "autoscaling.knative.dev/minScale").ShouldBe("1");
        Text(service, "spec", "template", "metadata", "annotations", "autoscaling.knative.dev/maxScale").ShouldBe("1");
        Text(service, "spec", "template", "metadata", "annotations", "run.googleapis.com/cpu-throttling").ShouldBe("false");
        Text(service, "spec", "template", "spec", "serviceAccountName").ShouldBe("crema@acme.iam.gserviceaccount.com");
        var container = (YamlMappingNode)((YamlSequenceNode)Node(service, "spec", "template", "spec", "containers"))[0];
        Text(container, "image").ShouldBe(image);
        Text(container, "startupProbe", "httpGet", "path").ShouldBe("/readyz");
        Text(container, "livenessProbe", "httpGet", "path").ShouldBe("/healthz");
        ((YamlSequenceNode)Node(container, "args")).Select(arg => ((YamlScalarNode)arg).Value).ShouldBe(["run", "--config", "/etc/crema/crema.yaml"]);
        var env = Env(container);
        env[ShutdownGraceOption.Variable].ShouldBe(ShutdownGrace.Default.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        env["CREMA_LEASE"].ShouldBe("gs://acme-crema/leader");
        env["GOOGLE_CLOUD_PROJECT"].ShouldBe("acme");
        env.ShouldNotContainKey("CREMA_CONFIG");
    }

    [Fact]
    public async Task ParameterManager_NoTargets_WarnsGrantsProjectWideAndReadsTheContentVersion()
    {
        const string config = "spec:\n  scaledObjects: []\n";
        using var sandbox = await DeployScriptSandbox.CreateAsync(config);
        var settings = new Dictionary<string, string> { ["PROJECT_ID"] = "acme", ["CONFIG_STORE"] = "parametermanager" };

        var first = await sandbox.RunAsync(settings);
        var second = await sandbox.RunAsync(settings);

        first.ExitCode.ShouldBe(0, first.Output);
        second.ExitCode.ShouldBe(0, second.Output);
        first.Output.ShouldContain("WARNING: roles/run.developer project-wide on acme");
        const string onlyTheParameter = "expression=resource.name.endsWith(\"/parameters/crema-config\") || resource.name.contains(\"/parameters/crema-config/\"),title=crema-crema-config-only";
        first.Bindings.ShouldBe(
            [
                $"projects add-iam-policy-binding acme --member {Crema} --role roles/run.developer --condition None",
                $"storage buckets add-iam-policy-binding gs://acme-crema --member {Crema} --role roles/storage.objectUser",
                $"projects add-iam-policy-binding acme --member {Crema} --role roles/parametermanager.parameterAccessor --condition {onlyTheParameter}",
            ],
            ignoreOrder: true);
        first.Calls.ShouldContain("services enable run.googleapis.com iam.googleapis.com storage.googleapis.com artifactregistry.googleapis.com cloudbuild.googleapis.com monitoring.googleapis.com parametermanager.googleapis.com --project acme");
        first.Calls.ShouldNotContain(call => call.StartsWith("secrets ", StringComparison.Ordinal));
        var version = "c-" + Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(config)))[..16];
        first.Calls.ShouldContain($"parametermanager parameters versions create {version} --parameter crema-config --project acme --location global --payload-data-from-file crema.yaml");
        second.Calls.ShouldNotContain(call => call.Split(' ').Contains("create"));
        foreach (var run in new[] { first, second })
        {
            var container = (YamlMappingNode)((YamlSequenceNode)Node(Load(run.Manifest), "spec", "template", "spec", "containers"))[0];
            Env(container)["CREMA_CONFIG"].ShouldBe($"projects/acme/locations/global/parameters/crema-config/versions/{version}");
            ((YamlSequenceNode)Node(container, "args")).Select(arg => ((YamlScalarNode)arg).Value).ShouldBe(["run"]);
            ((YamlMappingNode)Node(Load(run.Manifest), "spec", "template", "spec")).Children.ShouldNotContainKey(new YamlScalarNode("volumes"));
        }
    }

    [Fact]
    public async Task Targets_NoWorkloadServiceAccounts_WarnsThatUpdatesWillBeRefused()
    {
        using var sandbox = await DeployScriptSandbox.CreateAsync(TwoTargets);

        var run = await sandbox.RunAsync(new Dictionary<string, string> { ["PROJECT_ID"] = "acme" });

        run.ExitCode.ShouldBe(0, run.Output);
        run.Output.ShouldContain("WARNING: WORKLOAD_SERVICE_ACCOUNTS is empty");
        run.Bindings.ShouldNotContain(call => call.Contains("serviceAccountUser", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{type: cpu, metadata: {value: \"60\"}}", true)]
    [InlineData("{type: memory, metadata: {value: \"70\"}}", true)]
    [InlineData("{type: 'gcp-stackdriver', metadata: {filter: x}}", true)]
    [InlineData("{type: prometheus, metadata: {serverAddress: \"https://monitoring.googleapis.com/v1/projects/acme/location/global/prometheus\"}}", true)]
    [InlineData("{type: prometheus, metadata: {serverAddress: \"http://prometheus:9090\"}}", false)]
    [InlineData("{type: redis, metadata: {listName: jobs}}   # type: cpu", false)]
    public async Task MonitoringViewer_OnlyForTriggersThatReadCloudMonitoring(string trigger, bool granted)
    {
        using var sandbox = await DeployScriptSandbox.CreateAsync($$"""
            spec:
              scaledObjects:
                - spec:
                    scaleTargetRef: {name: projects/acme/locations/us-central1/workerPools/renderer}
                    triggers:
                      - {{trigger}}
            """);

        var run = await sandbox.RunAsync(SecretSettings);

        run.ExitCode.ShouldBe(0, run.Output);
        run.Bindings.Contains($"projects add-iam-policy-binding acme --member {Crema} --role roles/monitoring.viewer --condition None").ShouldBe(granted);
    }

    [Fact]
    public async Task MissingConfigFile_FailsBeforeCallingGcloud()
    {
        using var sandbox = await DeployScriptSandbox.CreateAsync(TwoTargets);

        var run = await sandbox.RunAsync(new Dictionary<string, string> { ["PROJECT_ID"] = "acme", ["CONFIG_FILE"] = "missing.yaml" });

        run.ExitCode.ShouldBe(2);
        run.Output.ShouldContain("no config file missing.yaml");
        run.Calls.ShouldBeEmpty();
    }

    private static string SecretItemKey(YamlMappingNode service)
    {
        var volume = (YamlMappingNode)((YamlSequenceNode)Node(service, "spec", "template", "spec", "volumes"))[0];
        Text(volume, "secret", "secretName").ShouldBe("crema-config");
        var item = (YamlMappingNode)((YamlSequenceNode)Node(volume, "secret", "items"))[0];
        Text(item, "path").ShouldBe("crema.yaml");
        return Text(item, "key");
    }

    private static Dictionary<string, string> Env(YamlMappingNode container) =>
        ((YamlSequenceNode)Node(container, "env")).Cast<YamlMappingNode>().ToDictionary(e => Text(e, "name"), e => Text(e, "value"));

    private static YamlMappingNode Load(string manifest)
    {
        manifest.ShouldNotBeEmpty();
        var stream = new YamlStream();
        using var reader = new StringReader(manifest);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlNode Node(YamlNode node, params string[] path) =>
        path.Aggregate(node, (current, key) => ((YamlMappingNode)current).Children[new YamlScalarNode(key)]);

    private static string Text(YamlNode node, params string[] path) => ((YamlScalarNode)Node(node, path)).Value!;
}
