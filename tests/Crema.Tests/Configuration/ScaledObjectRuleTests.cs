using static Crema.Tests.Configuration.ConfigTestHelper;

namespace Crema.Tests.Configuration;

public sealed class ScaledObjectRuleTests
{
    private const string So = "spec.scaledObjects[0].spec";

    [Theory]
    [InlineData("pollingInterval: 0", "pollingInterval", "pollingInterval must be at least 1 (seconds), found 0")]
    [InlineData("cooldownPeriod: -1", "cooldownPeriod", "cooldownPeriod must be at least 0 (seconds), found -1")]
    [InlineData("initialCooldownPeriod: -5", "initialCooldownPeriod", "must be at least 0 (seconds), found -5")]
    [InlineData("minReplicaCount: -1", "minReplicaCount", "minReplicaCount must be at least 0 (replicas), found -1")]
    [InlineData("idleReplicaCount: -1\nminReplicaCount: 1", "idleReplicaCount", "must be at least 0 (replicas)")]
    [InlineData("maxReplicaCount: 0", "maxReplicaCount", "maxReplicaCount must be greater than 0, found 0")]
    [InlineData("minReplicaCount: 5\nmaxReplicaCount: 3", "minReplicaCount", "minReplicaCount (5) must not exceed maxReplicaCount (3)")]
    [InlineData("minReplicaCount: 150", "minReplicaCount", "minReplicaCount (150) must not exceed maxReplicaCount (100, the default)")]
    [InlineData("idleReplicaCount: 1\nminReplicaCount: 1", "idleReplicaCount", "idleReplicaCount (1) must be less than minReplicaCount (1)")]
    [InlineData("idleReplicaCount: 0", "idleReplicaCount", "idleReplicaCount (0) must be less than minReplicaCount, which is 0 while unset; set minReplicaCount")]
    [InlineData("idleReplicaCount: 1\nminReplicaCount: 0", "idleReplicaCount", "idleReplicaCount (1) must be less than max(minReplicaCount, 1) = 1")]
    public void Load_BadReplicaSettings_ReportsIt(string body, string field, string message)
    {
        Load(OneScaledObject(body)).ShouldHaveError($"{So}.{field}", message);
    }

    [Theory]
    [InlineData("idleReplicaCount: 0\nminReplicaCount: 0")]
    [InlineData("idleReplicaCount: 0\nminReplicaCount: 1")]
    [InlineData("idleReplicaCount: 2\nminReplicaCount: 3")]
    public void Load_IdleBelowKedasHpaMinimum_IsAccepted(string body)
    {
        // KEDA compares with max(minReplicaCount, 1) once minReplicaCount is written (scaledobject_types.go).
        Load(OneScaledObject(body)).ShouldBeValid();
    }

    [Fact]
    public void Load_GlobalPollingIntervalBelowOne_ReportsIt()
    {
        Load("apiVersion: crema/v1\nkind: CremaConfig\nspec: {pollingInterval: 0}\n").ShouldHaveError("spec.pollingInterval", "must be at least 1");
    }

    [Fact]
    public void Load_ValidReplicaSettings_AreBound()
    {
        var result = Load(OneScaledObject("pollingInterval: 5\ncooldownPeriod: 0\ninitialCooldownPeriod: 60\nidleReplicaCount: 0\nminReplicaCount: 1\nmaxReplicaCount: 1"));

        result.ShouldBeValid();
        var spec = result.Config!.Spec.ScaledObjects[0].Spec;
        (spec.PollingInterval, spec.CooldownPeriod, spec.InitialCooldownPeriod, spec.IdleReplicaCount, spec.MinReplicaCount, spec.MaxReplicaCount)
            .ShouldBe((5, 0, 60, 0, 1, 1));
    }

    [Theory]
    [InlineData("projects/p-1/locations/us-central1/workerPools/pool")]
    [InlineData("projects/p-1/locations/us-central1/workerpools/pool")]
    [InlineData("projects/123456/locations/europe-west1/services/api-2")]
    [InlineData("projects/example.com:proj/locations/northamerica-northeast1/services/a")]
    public void Load_ValidTargetName_IsAccepted(string name)
    {
        Load(OneScaledObject().Replace("projects/my-project/locations/us-central1/workerPools/pool", name, StringComparison.Ordinal)).ShouldBeValid();
    }

    [Theory]
    [InlineData("runners", "it has 1 segment(s), not 6; expected projects/PROJECT/locations/REGION/workerPools/NAME")]
    [InlineData("project/p/locations/us-central1/services/a", "the first segment must be \"projects\", found \"project\"")]
    [InlineData("projects/p1/regions/us-central1/services/a", "the third segment must be \"locations\", found \"regions\"")]
    [InlineData("projects/p1/locations/us-central1/jobs/a", "the resource type must be \"workerPools\" or \"services\", found \"jobs\"")]
    [InlineData("projects/P_1/locations/us-central1/services/a", "the project \"P_1\" is not a valid project id or number")]
    [InlineData("projects/p1/locations/US/services/a", "the location \"US\" is not a valid region")]
    [InlineData("projects/p1/locations/us-central1/services/Api", "the name \"Api\" is not valid")]
    [InlineData("projects/p1/locations/us-central1/services/", "the name \"\" is not valid")]
    public void Load_BadTargetName_SaysWhichPartIsWrong(string name, string message)
    {
        var yaml = OneScaledObject().Replace("{name: projects/my-project/locations/us-central1/workerPools/pool}", $"{{name: \"{name}\"}}", StringComparison.Ordinal);

        Load(yaml).ShouldHaveError($"{So}.scaleTargetRef.name", message);
    }

    [Fact]
    public void Load_TwoObjectsOnOneTarget_ReportsTheSecond()
    {
        var yaml = """
            apiVersion: crema/v1
            kind: CremaConfig
            spec:
              scaledObjects:
                - metadata: {name: a}
                  spec:
                    scaleTargetRef: {name: projects/p1/locations/us-central1/workerPools/pool}
                    triggers: [{type: github-runner}]
                - metadata: {name: b}
                  spec:
                    scaleTargetRef: {name: projects/p1/locations/us-central1/workerpools/pool}
                    triggers: [{type: github-runner}]
            """;

        var error = Load(yaml).Errors.ShouldHaveSingleItem();

        error.ToString().ShouldBe("crema.yaml:11:32: spec.scaledObjects[1].spec.scaleTargetRef.name: \"projects/p1/locations/us-central1/workerpools/pool\" is already scaled by spec.scaledObjects[0]; each resource may be scaled by one scaled object");
    }

    [Fact]
    public void Load_DuplicateDisplayNames_ReportsTheSecond()
    {
        var yaml = """
            apiVersion: crema/v1
            kind: CremaConfig
            spec:
              scaledObjects:
                - spec:
                    scaleTargetRef: {name: projects/p1/locations/us-central1/workerPools/pool}
                    triggers: [{type: github-runner}]
                - metadata: {name: pool}
                  spec:
                    scaleTargetRef: {name: projects/p2/locations/us-central1/services/api}
                    triggers: [{type: github-runner}]
            """;

        Load(yaml).ShouldHaveError("spec.scaledObjects[1].metadata.name", "the name \"pool\" is already used by spec.scaledObjects[0]; set a unique metadata.name");
    }

    [Theory]
    [InlineData("autoscaling.keda.sh/paused: \"yes\"", "autoscaling.keda.sh/paused", "\"yes\" is not a boolean; use \"true\" or \"false\"")]
    [InlineData("autoscaling.keda.sh/paused-scale-in: maybe", "autoscaling.keda.sh/paused-scale-in", "is not a boolean")]
    [InlineData("autoscaling.keda.sh/paused: \" false\"", "autoscaling.keda.sh/paused", "\" false\" is not a boolean")]
    [InlineData("autoscaling.keda.sh/paused: fAlse", "autoscaling.keda.sh/paused", "\"fAlse\" is not a boolean")]
    [InlineData("autoscaling.keda.sh/paused-replicas: \"-1\"", "autoscaling.keda.sh/paused-replicas", "\"-1\" is not a non-negative integer")]
    [InlineData("autoscaling.keda.sh/paused-replicas: two", "autoscaling.keda.sh/paused-replicas", "\"two\" is not a non-negative integer")]
    public void Load_BadPauseAnnotation_ReportsIt(string annotation, string key, string message)
    {
        var yaml = OneScaledObject(metadata: $"annotations:\n  {annotation}");

        Load(yaml).ShouldHaveError($"spec.scaledObjects[0].metadata.annotations[\"{key}\"]", message);
    }

    [Fact]
    public void Load_ValidPauseAnnotations_AreKept()
    {
        var yaml = OneScaledObject(metadata: "annotations:\n  autoscaling.keda.sh/paused: \"true\"\n  autoscaling.keda.sh/paused-replicas: 3");

        var annotations = Load(yaml).Config!.Spec.ScaledObjects[0].Metadata!.Annotations;

        annotations["autoscaling.keda.sh/paused-replicas"].ShouldBe("3");
    }

    [Theory]
    [InlineData("autoscaling.keda.sh/pause", "did you mean \"autoscaling.keda.sh/paused\"?")]
    [InlineData("autoscaling.keda.sh/paused-replica", "did you mean \"autoscaling.keda.sh/paused-replicas\"?")]
    [InlineData("autoscaling.keda.sh/pausedScaleIn", "did you mean \"autoscaling.keda.sh/paused-scale-in\"?")]
    [InlineData("autoscaling.keda.sh/other",
        "known: autoscaling.keda.sh/paused, autoscaling.keda.sh/paused-replicas, autoscaling.keda.sh/paused-scale-in, autoscaling.keda.sh/paused-scale-out, autoscaling.keda.sh/force-activation")]
    public void Load_UnknownKedaAnnotation_WarnsWithSuggestion(string key, string hint)
    {
        var result = Load(OneScaledObject(metadata: $"annotations:\n  {key}: \"true\"\n  example.com/owner: team"));

        result.IsValid.ShouldBeTrue(Describe(result));
        var warning = result.Warnings.ShouldHaveSingleItem();
        (warning.Path, warning.Message).ShouldBe(($"spec.scaledObjects[0].metadata.annotations[\"{key}\"]", $"unknown annotation \"{key}\" is ignored; {hint}"));
    }

    [Fact]
    public void Load_NonZeroIdleReplicaCount_WarnsItWillFlap()
    {
        var result = Load(OneScaledObject("idleReplicaCount: 1\nminReplicaCount: 3"));

        result.IsValid.ShouldBeTrue();
        result.Warnings.ShouldContain(w => w.Path == "spec.scaledObjects[0].spec.idleReplicaCount" && w.Message.Contains("KEDA supports only 0", StringComparison.Ordinal));
    }
}
