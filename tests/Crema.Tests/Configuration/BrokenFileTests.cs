using static Crema.Tests.Configuration.ConfigTestHelper;

namespace Crema.Tests.Configuration;

public sealed class BrokenFileTests
{
    private const string Broken = """
        apiVersion: crema/v2
        kind: CremaConfig
        spec:
          pollingInterval: abc
          triggerAuthentications:
            - metadata: {name: auth}
              spec:
                file: [{parameter: token, path: relative/token}]
          scaledObjects:
            - metadata:
                annotations: {autoscaling.keda.sh/paused: "maybe"}
              spec:
                scaleTargetRef: {name: projects/p1/locations/us-central1/jobs/x}
                minReplicaCount: 5
                maxReplicaCount: 3
                cooldownPerod: 10
                triggers:
                  - type: prometheus2
                    authenticationRef: {name: missing}
                  - type: prometheus
                    metricType: Utilization
                    metadata:
                      serverAddress: http://prom
                      threshold: 5
                      bogus: 1
        """;

    [Fact]
    public void Load_BrokenFile_ReportsEveryErrorWithPosition()
    {
        var result = Load(Broken);

        result.Errors.Select(e => e.ToString()).ShouldBe(
        [
            "crema.yaml:1:13: apiVersion: must be \"crema/v1\", found \"crema/v2\"",
            "crema.yaml:4:20: spec.pollingInterval: \"abc\" is not an integer",
            "crema.yaml:8:41: spec.triggerAuthentications[0].spec.file[0].path: \"relative/token\" is not an absolute path; it must start with /",
            "crema.yaml:11:51: spec.scaledObjects[0].metadata.annotations[\"autoscaling.keda.sh/paused\"]: \"maybe\" is not a boolean; use \"true\" or \"false\"",
            "crema.yaml:13:32: spec.scaledObjects[0].spec.scaleTargetRef.name: \"projects/p1/locations/us-central1/jobs/x\" is not a Cloud Run resource name: the resource type must be \"workerPools\" or \"services\", found \"jobs\"",
            "crema.yaml:14:26: spec.scaledObjects[0].spec.minReplicaCount: minReplicaCount (5) must not exceed maxReplicaCount (3)",
            "crema.yaml:16:9: spec.scaledObjects[0].spec.cooldownPerod: unknown field \"cooldownPerod\"; did you mean \"cooldownPeriod\"?",
            "crema.yaml:18:19: spec.scaledObjects[0].spec.triggers[0].type: unknown trigger type \"prometheus2\"; known types: cpu, github-runner, memory, prometheus (did you mean \"prometheus\"?)",
            "crema.yaml:19:39: spec.scaledObjects[0].spec.triggers[0].authenticationRef.name: no triggerAuthentication named \"missing\"; defined: auth",
            "crema.yaml:21:25: spec.scaledObjects[0].spec.triggers[1].metricType: Utilization is not supported for external metrics; use AverageValue or Value",
            "crema.yaml:23:15: spec.scaledObjects[0].spec.triggers[1].metadata.query: is required",
        ]);
        result.Warnings.Select(w => w.ToString()).ShouldBe(
            ["crema.yaml:25:22: spec.scaledObjects[0].spec.triggers[1].metadata.bogus: unknown metadata key \"bogus\" is ignored"]);
        result.Config.ShouldBeNull();
    }
}
