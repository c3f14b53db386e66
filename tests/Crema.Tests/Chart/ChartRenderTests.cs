using System.Globalization;
using System.Text.Json;
using Crema.Host.Cli;
using Crema.Host.Leadership;

namespace Crema.Tests.Chart;

/// <summary>The chart rendered as <c>helm template</c> would, with the default values and the variants a user sets.</summary>
public sealed class ChartRenderTests
{
    [Fact]
    public async Task Render_DefaultValues_OneLeaseHolderPodWithItsRbacAndNoMonitors()
    {
        var chart = await ChartCheck.RenderValidAsync();

        chart.Kinds.Order().ShouldBe(["ConfigMap", "Deployment", "Role", "RoleBinding", "Service", "ServiceAccount"]);
        var deployment = chart.Single("Deployment");
        deployment.GetProperty("spec").GetProperty("replicas").GetInt32().ShouldBe(1);
        Env(deployment)[LeaseArguments.LeaseVariable].ShouldBe("k8s://crema/crema");
        Env(deployment)[ShutdownGraceOption.Variable].ShouldBe("28");
        chart.Single("ConfigMap").GetProperty("data").GetProperty("crema.yaml").GetString()!.ShouldContain("kind: CremaConfig");
        chart.Notes.ShouldContain("serviceAccount.gcpServiceAccount is empty");
    }

    [Fact]
    public async Task Render_LeaderElectionWithThreeReplicas_RollsPodsThatShareTheLease()
    {
        var chart = await ChartCheck.RenderValidAsync("replicaCount: 3\nleaderElection: {enabled: true, leaseName: crema-writer, durationSeconds: 30}\n");

        var spec = chart.Single("Deployment").GetProperty("spec");
        spec.GetProperty("replicas").GetInt32().ShouldBe(3);
        spec.GetProperty("strategy").GetProperty("type").GetString().ShouldBe("RollingUpdate");
        Env(chart.Single("Deployment"))[LeaseArguments.LeaseVariable].ShouldBe("k8s://crema/crema-writer");
        Env(chart.Single("Deployment"))[LeaseArguments.DurationVariable].ShouldBe("30");
        var leaseNames = chart.Single("Role").GetProperty("rules").EnumerateArray()
            .Where(r => r.TryGetProperty("resourceNames", out _))
            .SelectMany(r => r.GetProperty("resourceNames").EnumerateArray().Select(n => n.GetString()));
        leaseNames.ShouldBe(["crema-writer"]);
    }

    [Fact]
    public async Task Render_TwoReplicasWithoutLeaderElection_FailsNamingBothValues()
    {
        var chart = await HelmRender.RenderAsync("replicaCount: 2\nleaderElection: {enabled: false}\n");

        ValuesSchema.Validate(chart.Values).ShouldBeEmpty();
        chart.Error.ShouldNotBeNull();
        chart.Error.ShouldContain("replicaCount is 2 but leaderElection.enabled is false");
        chart.Error.ShouldContain("Set leaderElection.enabled=true");
        chart.Manifests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Render_OneReplicaWithoutLeaderElection_RecreatesAndHasNoLeaseRbac()
    {
        var chart = await ChartCheck.RenderValidAsync("leaderElection: {enabled: false}\n");

        chart.Single("Deployment").GetProperty("spec").GetProperty("strategy").GetProperty("type").GetString().ShouldBe("Recreate");
        chart.Kinds.ShouldNotContain("Role");
        Env(chart.Single("Deployment")).ShouldNotContainKey(LeaseArguments.LeaseVariable);
    }

    [Fact]
    public async Task Render_MonitoringOn_ServiceMonitorAndPodMonitoringScrapeTheMetricsPort()
    {
        var chart = await ChartCheck.RenderValidAsync(
            "monitoring:\n  serviceMonitor: {enabled: true, interval: 15s, labels: {release: kube-prometheus-stack}}\n  podMonitoring: {enabled: true, interval: 1m}\n");

        var serviceMonitor = chart.Single("ServiceMonitor");
        serviceMonitor.GetProperty("metadata").GetProperty("labels").GetProperty("release").GetString().ShouldBe("kube-prometheus-stack");
        var endpoint = serviceMonitor.GetProperty("spec").GetProperty("endpoints")[0];
        (endpoint.GetProperty("port").GetString(), endpoint.GetProperty("path").GetString(), endpoint.GetProperty("interval").GetString())
            .ShouldBe(("http", "/metrics", "15s"));
        var servicePort = chart.Single("Service").GetProperty("spec").GetProperty("ports")[0];
        servicePort.GetProperty("name").GetString().ShouldBe("http");
        Labels(serviceMonitor.GetProperty("spec").GetProperty("selector").GetProperty("matchLabels"))
            .ShouldBe(Labels(chart.Single("Service").GetProperty("spec").GetProperty("selector")));

        var podMonitoring = chart.Single("PodMonitoring");
        var podEndpoint = podMonitoring.GetProperty("spec").GetProperty("endpoints")[0];
        (podEndpoint.GetProperty("port").GetString(), podEndpoint.GetProperty("path").GetString(), podEndpoint.GetProperty("interval").GetString())
            .ShouldBe(("http", "/metrics", "1m"));
        var containerPort = chart.Single("Deployment").GetProperty("spec").GetProperty("template").GetProperty("spec").GetProperty("containers")[0].GetProperty("ports")[0];
        containerPort.GetProperty("name").GetString().ShouldBe("http");
        Labels(podMonitoring.GetProperty("spec").GetProperty("selector").GetProperty("matchLabels"))
            .ShouldBe(Labels(chart.Single("Deployment").GetProperty("spec").GetProperty("selector").GetProperty("matchLabels")));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(30)]
    [InlineData(3602)]
    public async Task Render_TerminationGracePeriod_DaemonAcceptsAGraceTwoSecondsShorter(int seconds)
    {
        var chart = await ChartCheck.RenderValidAsync($"terminationGracePeriodSeconds: {seconds}\n");

        var deployment = chart.Single("Deployment");
        deployment.GetProperty("spec").GetProperty("template").GetProperty("spec").GetProperty("terminationGracePeriodSeconds").GetInt32().ShouldBe(seconds);
        var environment = Env(deployment);
        ShutdownGraceOption.TryResolve(null, name => environment.GetValueOrDefault(name), out var grace, out var error).ShouldBeTrue(error);
        grace.ShouldBe(TimeSpan.FromSeconds(seconds - 2));
    }

    [Theory]
    [InlineData("env: [{name: CREMA_SHUTDOWN_GRACE, value: \"60\"}]\n", "env sets CREMA_SHUTDOWN_GRACE")]
    [InlineData("extraArgs: [--shutdown-grace, \"60\"]\n", "extraArgs sets --shutdown-grace")]
    [InlineData("extraArgs: [--shutdown-grace=60]\n", "extraArgs sets --shutdown-grace")]
    public async Task Render_ShutdownGraceSetBesideTheChart_FailsPointingAtTerminationGracePeriod(string values, string message)
    {
        var chart = await HelmRender.RenderAsync(values);

        chart.Error.ShouldNotBeNull();
        chart.Error.ShouldContain(message);
        chart.Error.ShouldContain("set terminationGracePeriodSeconds instead");
    }

    [Theory]
    [InlineData("config: null\n")]
    [InlineData("config: \"\"\n")]
    public async Task Render_NoConfigAndNoExistingConfigMap_FailsSayingConfigIsRequired(string values)
    {
        var chart = await HelmRender.RenderAsync(values);

        ValuesSchema.Validate(chart.Values).ShouldBeEmpty();
        chart.Error.ShouldNotBeNull();
        chart.Error.ShouldContain("values.config (the CremaConfig YAML) is required unless existingConfigMap is set");
    }

    [Fact]
    public async Task Render_ExistingConfigMap_MountsItAndRendersNoConfigMap()
    {
        var chart = await ChartCheck.RenderValidAsync("existingConfigMap: my-crema-config\nconfig: null\n");

        chart.Kinds.ShouldNotContain("ConfigMap");
        var volumes = chart.Single("Deployment").GetProperty("spec").GetProperty("template").GetProperty("spec").GetProperty("volumes");
        volumes[0].GetProperty("configMap").GetProperty("name").GetString().ShouldBe("my-crema-config");
    }

    [Fact]
    public async Task Render_LeaseDurationBoundsOfTheSchema_AreTheDaemonsOwn()
    {
        using var schema = JsonDocument.Parse(await File.ReadAllTextAsync(ValuesSchema.Path));
        var duration = schema.RootElement.GetProperty("properties").GetProperty("leaderElection").GetProperty("properties").GetProperty("durationSeconds");

        duration.GetProperty("minimum").GetInt32().ShouldBe(LeaseOptions.MinDurationSeconds);
        duration.GetProperty("maximum").GetInt32().ShouldBe(LeaseOptions.MaxDurationSeconds);
        var chart = await ChartCheck.RenderValidAsync($"leaderElection: {{durationSeconds: {LeaseOptions.MaxDurationSeconds}}}\n");
        Env(chart.Single("Deployment"))[LeaseArguments.DurationVariable]
            .ShouldBe(LeaseOptions.MaxDurationSeconds.ToString(CultureInfo.InvariantCulture));
    }

    private static string Labels(JsonElement labels) =>
        string.Join(",", labels.EnumerateObject().Select(l => $"{l.Name}={l.Value.GetString()}").Order(StringComparer.Ordinal));

    private static Dictionary<string, string?> Env(JsonElement deployment) =>
        deployment.GetProperty("spec").GetProperty("template").GetProperty("spec").GetProperty("containers")[0].GetProperty("env").EnumerateArray()
            .ToDictionary(e => e.GetProperty("name").GetString()!, e => e.TryGetProperty("value", out var v) ? v.GetString() : null);
}
