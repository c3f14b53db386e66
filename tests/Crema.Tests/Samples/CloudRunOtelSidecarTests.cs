using System.Text.Json;
using Crema.Host.Cli;
using Crema.Tests.Support;
using OpenTelemetry.Exporter;
using YamlDotNet.RepresentationModel;

namespace Crema.Tests.Samples;

/// <summary>
/// samples/cloud-run/service-otel-sidecar.yaml and the collector config it mounts: crema is the ingress container
/// and starts after the collector; its OTEL_* settings, read as <c>crema run</c> reads them, point at the
/// collector's OTLP receiver with a protocol it serves; the collector's probes ask its health_check extension;
/// the config file is mounted where the collector is told to read it; the pipeline ends in Managed Prometheus.
/// </summary>
public sealed class CloudRunOtelSidecarTests
{
    private static readonly string Folder = Path.Combine(RepositoryRoot.Path, "samples", "cloud-run");

    [Fact]
    public void Sidecar_CremaIsIngressAndStartsAfterTheCollector()
    {
        var (template, crema, collector) = Service();

        Node(crema, "ports").ShouldBeOfType<YamlSequenceNode>().Children.Count.ShouldBe(1);
        ((YamlMappingNode)collector).Children.ShouldNotContainKey(new YamlScalarNode("ports"));
        using var dependencies = JsonDocument.Parse(Text(template, "metadata", "annotations", "run.googleapis.com/container-dependencies"));
        dependencies.RootElement.EnumerateObject().ShouldHaveSingleItem().Name.ShouldBe("crema");
        dependencies.RootElement.GetProperty("crema").EnumerateArray().Select(e => e.GetString()).ShouldBe(["collector"]);
        var port = Text(crema, "ports", "0", "containerPort");
        Text(crema, "startupProbe", "httpGet", "path").ShouldBe("/readyz");
        Text(crema, "startupProbe", "httpGet", "port").ShouldBe(port);
        Text(crema, "livenessProbe", "httpGet", "path").ShouldBe("/healthz");
        Text(crema, "livenessProbe", "httpGet", "port").ShouldBe(port);
        Text(collector, "image").ShouldMatch(@"^us-docker\.pkg\.dev/cloud-ops-agents-artifacts/google-cloud-opentelemetry-collector/otelcol-google:\d+\.\d+\.\d+$");
    }

    [Fact]
    public void Sidecar_CremasOtlpSettings_ReachTheCollectorsReceiver()
    {
        var (_, crema, _) = Service();
        var environment = Env(crema);

        OtlpArguments.TryResolve(null, null, environment.GetValueOrDefault, out var otlp, out var error).ShouldBeTrue(error);

        otlp.ShouldNotBeNull();
        otlp.Endpoint.Host.ShouldBe("localhost");
        otlp.Protocol.ShouldBe(OtlpExportProtocol.HttpProtobuf);
        otlp.Endpoint.AbsolutePath.ShouldBe("/v1/metrics");
        var receiver = Text(Collector(), "receivers", "otlp", "protocols", "http", "endpoint");
        receiver.ShouldBe($"localhost:{otlp.Endpoint.Port}");
        environment.Keys.ShouldNotContain("OTEL_EXPORTER_OTLP_HEADERS", "the sidecar needs no token");
    }

    [Fact]
    public void Sidecar_CremaContainer_KeepsEverySettingOfServiceYaml()
    {
        var plain = Load(File.ReadAllText(Path.Combine(Folder, "service.yaml")));
        var plainCrema = (YamlMappingNode)((YamlSequenceNode)Node(plain, "spec", "template", "spec", "containers"))[0];
        var (_, crema, _) = Service();

        Node(crema, "args").ToString().ShouldBe(Node(plainCrema, "args").ToString());
        var environment = Env(crema);
        foreach (var (name, value) in Env(plainCrema))
        {
            environment.GetValueOrDefault(name).ShouldBe(value, name);
        }
    }

    [Fact]
    public void Sidecar_CollectorProbesConfigMountAndPipeline_Agree()
    {
        var (template, _, collector) = Service();
        var config = Collector();

        var health = Text(config, "extensions", "health_check", "endpoint");
        foreach (var probe in new[] { "startupProbe", "livenessProbe" })
        {
            Text(collector, probe, "httpGet", "path").ShouldBe("/");
            health.ShouldEndWith(":" + Text(collector, probe, "httpGet", "port"));
        }
        ((YamlSequenceNode)Node(config, "service", "extensions")).Select(n => n.ToString()).ShouldContain("health_check");

        var configArgument = ((YamlSequenceNode)Node(collector, "args")).Select(n => n.ToString()).ShouldHaveSingleItem();
        configArgument.ShouldStartWith("--config=");
        var path = configArgument["--config=".Length..];
        var mount = ((YamlSequenceNode)Node(collector, "volumeMounts")).Cast<YamlMappingNode>().ShouldHaveSingleItem();
        Path.GetDirectoryName(path).ShouldBe(Text(mount, "mountPath"));
        var volume = ((YamlSequenceNode)Node(template, "spec", "volumes")).Cast<YamlMappingNode>().Single(v => Text(v, "name") == Text(mount, "name"));
        Text(volume, "secret", "secretName").ShouldBe("crema-otel-collector");
        Text(volume, "secret", "items", "0", "path").ShouldBe(Path.GetFileName(path));

        var pipeline = (YamlMappingNode)Node(config, "service", "pipelines", "metrics");
        foreach (var kind in new[] { "receivers", "processors", "exporters" })
        {
            var defined = ((YamlMappingNode)Node(config, kind)).Children.Keys.Select(k => k.ToString()).ToList();
            ((YamlSequenceNode)Node(pipeline, kind)).Select(n => n.ToString()).ShouldAllBe(name => defined.Contains(name), kind);
        }
        ((YamlSequenceNode)Node(pipeline, "receivers")).Select(n => n.ToString()).ShouldBe(["otlp"]);
        ((YamlSequenceNode)Node(pipeline, "exporters")).Select(n => n.ToString()).ShouldBe(["googlemanagedprometheus"]);
        ((YamlSequenceNode)Node(pipeline, "processors"))[0].ToString().ShouldBe("memory_limiter");
    }

    private static (YamlMappingNode Template, YamlMappingNode Crema, YamlMappingNode Collector) Service()
    {
        var service = Load(File.ReadAllText(Path.Combine(Folder, "service-otel-sidecar.yaml")));
        var template = (YamlMappingNode)Node(service, "spec", "template");
        var containers = ((YamlSequenceNode)Node(template, "spec", "containers")).Cast<YamlMappingNode>().ToList();
        containers.Select(c => Text(c, "name")).ShouldBe(["crema", "collector"]);
        return (template, containers[0], containers[1]);
    }

    private static YamlMappingNode Collector() => Load(File.ReadAllText(Path.Combine(Folder, "otel-collector.yaml")));

    private static Dictionary<string, string> Env(YamlMappingNode container) =>
        ((YamlSequenceNode)Node(container, "env")).Cast<YamlMappingNode>().ToDictionary(e => Text(e, "name"), e => Text(e, "value"));

    private static YamlMappingNode Load(string text)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(text);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    // A path step that is a number indexes a sequence.
    private static YamlNode Node(YamlNode node, params string[] path) =>
        path.Aggregate(node, (current, key) => current is YamlSequenceNode sequence
            ? sequence[int.Parse(key, System.Globalization.CultureInfo.InvariantCulture)]
            : ((YamlMappingNode)current).Children[new YamlScalarNode(key)]);

    private static string Text(YamlNode node, params string[] path) => ((YamlScalarNode)Node(node, path)).Value!;
}
