using Crema.Core.Configuration;
using Crema.Scalers;
using Crema.Tests.Configuration;
using Crema.Tests.Support;

namespace Crema.Tests.Scalers.Temporal;

/// <summary>KEDA's documented examples, as CremaConfigs, validate (the sample is checked by RepositoryConfigTests) with the built-in scalers.</summary>
public sealed class TemporalSampleTests
{
    // KEDA 2.20 docs, "Example": the Secret becomes an env-backed TriggerAuthentication.
    [Fact]
    public void Load_KedaDocsApiKeyExample_IsValid()
    {
        const string yaml = """
            apiVersion: crema/v1
            kind: CremaConfig
            spec:
              triggerAuthentications:
                - metadata: {name: keda-trigger-auth-temporal}
                  spec:
                    env:
                      - {parameter: apiKey, name: TEMPORAL_API_KEY}
              scaledObjects:
                - metadata: {name: workload-scaledobject}
                  spec:
                    scaleTargetRef: {name: projects/acme-prod/locations/us-central1/workerPools/my-worker}
                    pollingInterval: 5
                    cooldownPeriod: 10
                    minReplicaCount: 0
                    maxReplicaCount: 5
                    advanced:
                      horizontalPodAutoscalerConfig:
                        behavior:
                          scaleDown:
                            stabilizationWindowSeconds: 10
                    triggers:
                      - type: temporal
                        metadata:
                          namespace: default
                          taskQueue: "workflow_with_single_noop_activity:test"
                          targetQueueSize: "2"
                          activationTargetQueueSize: "0"
                          endpoint: temporal-frontend.temporal.svc.cluster.local:7233
                        authenticationRef:
                          name: keda-trigger-auth-temporal
            """;

        var result = ConfigLoader.Load(yaml, "keda-example.yaml", BuiltInScalers.CreateRegistry());

        result.Errors.ShouldBeEmpty(ConfigTestHelper.Describe(result));
        result.Warnings.ShouldBeEmpty(ConfigTestHelper.Describe(result));
    }

    // KEDA 2.20 docs, "Example: Worker Deployment Version".
    [Fact]
    public void Load_KedaDocsWorkerDeploymentVersionExample_IsValid()
    {
        const string yaml = """
            apiVersion: crema/v1
            kind: CremaConfig
            spec:
              scaledObjects:
                - metadata: {name: my-worker-scaledobject}
                  spec:
                    scaleTargetRef: {name: projects/acme-prod/locations/us-central1/workerPools/my-worker-v2-0-0}
                    minReplicaCount: 0
                    maxReplicaCount: 5
                    triggers:
                      - type: temporal
                        metadata:
                          namespace: default
                          taskQueue: "my-task-queue"
                          targetQueueSize: "10"
                          endpoint: temporal-frontend.temporal.svc.cluster.local:7233
                          workerDeploymentName: my-worker
                          workerDeploymentBuildId: v2.0.0
            """;

        var result = ConfigLoader.Load(yaml, "keda-example.yaml", BuiltInScalers.CreateRegistry());

        result.Errors.ShouldBeEmpty(ConfigTestHelper.Describe(result));
        result.Warnings.ShouldBeEmpty(ConfigTestHelper.Describe(result));
    }

    [Fact]
    public void Load_BadTemporalTrigger_ReportsTheYamlPath()
    {
        const string yaml = """
            apiVersion: crema/v1
            kind: CremaConfig
            spec:
              scaledObjects:
                - spec:
                    scaleTargetRef: {name: projects/acme-prod/locations/us-central1/workerPools/w}
                    triggers:
                      - type: temporal
                        metadata: {endpoint: "temporal:7233", targetQueueSize: "-1"}
            """;

        var result = ConfigLoader.Load(yaml, "crema.yaml", BuiltInScalers.CreateRegistry());

        var described = ConfigTestHelper.Describe(result);
        described.ShouldContain("crema.yaml:9:23: spec.scaledObjects[0].spec.triggers[0].metadata.taskQueue: is required");
        described.ShouldContain("spec.scaledObjects[0].spec.triggers[0].metadata.targetQueueSize: must be >= 0, found -1");
    }
}
