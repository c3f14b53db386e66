namespace Crema.Tests.Chart;

/// <summary>values.schema.json as Helm applies it to the coalesced values before rendering.</summary>
public sealed class ValuesSchemaTests
{
    [Fact]
    public async Task Validate_DefaultValues_Pass()
    {
        var chart = await HelmRender.RenderAsync();

        ValuesSchema.Validate(chart.Values).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("replicaCount: 0\n", "/replicaCount")]
    [InlineData("replicaCount: \"2\"\n", "/replicaCount")]
    [InlineData("replicaCount: 1.5\n", "/replicaCount")]
    [InlineData("leaderElection: {durationSeconds: 2}\n", "/leaderElection/durationSeconds")]
    [InlineData("leaderElection: {enabled: \"yes\"}\n", "/leaderElection/enabled")]
    [InlineData("leaderElection: {leaseName: Crema_Lease}\n", "/leaderElection/leaseName")]
    [InlineData("leaderElection: {durationSecond: 30}\n", "/leaderElection/durationSecond")]
    [InlineData("replicas: 2\n", "/replicas")]
    [InlineData("image: {pullPolicy: Sometimes}\n", "/image/pullPolicy")]
    [InlineData("image: {tag: \"1.0 beta\"}\n", "/image/tag")]
    [InlineData("port: 70000\n", "/port")]
    [InlineData("service: {type: ExternalName}\n", "/service/type")]
    [InlineData("terminationGracePeriodSeconds: 2\n", "/terminationGracePeriodSeconds")]
    [InlineData("terminationGracePeriodSeconds: 3603\n", "/terminationGracePeriodSeconds")]
    [InlineData("monitoring: {serviceMonitor: {interval: 30}}\n", "/monitoring/serviceMonitor/interval")]
    [InlineData("monitoring: {serviceMonitor: {interval: 30sec}}\n", "/monitoring/serviceMonitor/interval")]
    [InlineData("monitoring: {podMonitoring: {interval: 0s}}\n", "/monitoring/podMonitoring/interval")]
    [InlineData("monitoring: {podMonitoring: {enabled: 1}}\n", "/monitoring/podMonitoring/enabled")]
    [InlineData("monitoring: {prometheusRule: {enabled: true}}\n", "/monitoring/prometheusRule")]
    [InlineData("serviceAccount: {gcpServiceAccount: crema@example.com}\n", "/serviceAccount/gcpServiceAccount")]
    [InlineData("env: [{name: A, value: 1}]\n", "/env/0/value")]
    [InlineData("env: [{value: x}]\n", "/env/0")]
    [InlineData("podLabels: {team: 7}\n", "/podLabels/team")]
    [InlineData("podAnnotations: {sidecar: y}\n", "/podAnnotations/sidecar")]
    [InlineData("resources: {limits: {memory: 256MB}}\n", "/resources/limits/memory")]
    [InlineData("extraArgs: --dry-run\n", "/extraArgs")]
    [InlineData("config: {apiVersion: crema/v1}\n", "/config")]
    public async Task Validate_BadValue_RejectedAtItsPath(string values, string location)
    {
        var chart = await HelmRender.RenderAsync(values);

        var errors = ValuesSchema.Validate(chart.Values);

        errors.ShouldNotBeEmpty();
        errors.ShouldContain(e => e.StartsWith(location + ":", StringComparison.Ordinal), string.Join("\n", errors));
    }

    [Theory]
    [InlineData("image: {repository: localhost:5000/crema, tag: 1.2.3-rc.1}\n")]
    [InlineData("serviceAccount: {gcpServiceAccount: crema@my-project.iam.gserviceaccount.com, annotations: {a: b}}\n")]
    [InlineData("resources: {requests: {cpu: 1, memory: 1Gi}, limits: {cpu: 500m, memory: 1.5Gi}}\n")]
    [InlineData("monitoring: {serviceMonitor: {enabled: true, interval: 1m30s}}\n")]
    [InlineData("env: [{name: TOKEN, valueFrom: {secretKeyRef: {name: s, key: k}}}]\nenvFrom: [{secretRef: {name: crema-trigger-secrets}}]\n")]
    [InlineData("existingConfigMap: my-crema-config\nconfig: null\n")]
    [InlineData("enabled: true\n")]
    [InlineData("serviceAccount: {gcpServiceAccount: 123456789-compute@developer.gserviceaccount.com}\n")]
    [InlineData("serviceAccount: {gcpServiceAccount: my-project@appspot.gserviceaccount.com}\n")]
    public async Task Validate_GoodValue_Passes(string values)
    {
        var chart = await HelmRender.RenderAsync(values);

        ValuesSchema.Validate(chart.Values).ShouldBeEmpty();
    }
}
