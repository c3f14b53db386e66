using System.Text.Json;

namespace Crema.Tests.Chart;

/// <summary>The checker itself: it finds the errors the API server would reject, so the chart tests' "no errors" means something.</summary>
public sealed class ManifestSchemaTests
{
    [Fact]
    public async Task Validate_EveryTemplateWithEverythingOn_Passes()
    {
        var chart = await ChartCheck.RenderValidAsync("""
            replicaCount: 2
            imagePullSecrets: [{name: registry}]
            existingConfigMap: my-config
            env: [{name: TOKEN, valueFrom: {secretKeyRef: {name: s, key: k}}}]
            envFrom: [{secretRef: {name: crema-trigger-secrets}}]
            extraArgs: [--log-format, text]
            serviceAccount: {gcpServiceAccount: crema@my-project.iam.gserviceaccount.com, annotations: {a: b}}
            service: {type: LoadBalancer, annotations: {x: z}}
            monitoring: {serviceMonitor: {enabled: true}, podMonitoring: {enabled: true}}
            podAnnotations: {a: b}
            podLabels: {team: autoscaling}
            nodeSelector: {cloud.google.com/gke-nodepool: system}
            tolerations: [{key: dedicated, operator: Equal, value: system, effect: NoSchedule}]
            affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: k, operator: In, values: [v]}]}]}}}
            """);

        chart.Kinds.Order().ShouldBe(["Deployment", "PodMonitoring", "Role", "RoleBinding", "Service", "ServiceAccount", "ServiceMonitor"]);
    }

    [Theory]
    [InlineData("/spec/replicas", "\"3\"", "/spec/replicas")]
    [InlineData("/spec/template/spec/terminationGracePeriodSecond", "30", "/spec/template/spec/terminationGracePeriodSecond")]
    [InlineData("/spec/template/spec/containers/0/env/0/value", "8080", "/spec/template/spec/containers/0/env/0/value")]
    [InlineData("/spec/template/spec/containers/0/name", null, "/spec/template/spec/containers/0")]
    [InlineData("/spec/template/spec/securityContext/seccompProfile/type", "\"Default\"", "/spec/template/spec/securityContext/seccompProfile/type")]
    [InlineData("/spec/strategy/rollingUpdate/maxSurge", "true", "/spec/strategy/rollingUpdate/maxSurge")]
    public async Task Validate_BrokenDeployment_RejectedAtThePlace(string pointer, string? json, string location)
    {
        var deployment = (await HelmRender.RenderAsync()).Single("Deployment");

        var errors = KubernetesSchemas.Instance.Validate(JsonEdit.Set(deployment, pointer, json));

        errors.ShouldContain(e => e.StartsWith($"Deployment/crema {location}:", StringComparison.Ordinal), string.Join("\n", errors));
    }

    [Theory]
    [InlineData("ServiceMonitor", "/spec/endpoints/0/interval", "\"30 seconds\"", "/spec/endpoints/0/interval")]
    [InlineData("ServiceMonitor", "/spec/endpoints/0/scrapeEvery", "\"30s\"", "/spec/endpoints/0/scrapeEvery")]
    [InlineData("ServiceMonitor", "/spec/selector", null, "/spec")]
    [InlineData("PodMonitoring", "/spec/endpoints/0/port", null, "/spec/endpoints/0")]
    [InlineData("PodMonitoring", "/spec/endpoints/0/port", "true", "/spec/endpoints/0/port")]
    [InlineData("PodMonitoring", "/spec/endpoints/0/interval", "\"PT30S\"", "/spec/endpoints/0/interval")]
    [InlineData("PodMonitoring", "/metadata/labels/team", "7", "/metadata/labels/team")]
    public async Task Validate_BrokenMonitor_RejectedByItsCrdSchema(string kind, string pointer, string? json, string location)
    {
        var monitor = (await HelmRender.RenderAsync("monitoring: {serviceMonitor: {enabled: true}, podMonitoring: {enabled: true}}\n")).Single(kind);

        var errors = KubernetesSchemas.Instance.Validate(JsonEdit.Set(monitor, pointer, json));

        errors.ShouldContain(e => e.StartsWith($"{kind}/crema {location}:", StringComparison.Ordinal), string.Join("\n", errors));
    }

    [Fact]
    public void Validate_UnknownKind_SaysThereIsNoSchema()
    {
        using var document = JsonDocument.Parse("""{"apiVersion": "apps/v1", "kind": "Deploymnet", "metadata": {"name": "crema"}}""");

        KubernetesSchemas.Instance.Validate(document.RootElement)
            .ShouldBe(["Deploymnet/crema: no schema for apiVersion \"apps/v1\" kind \"Deploymnet\""]);
    }
}
