using static Crema.Tests.Configuration.ConfigTestHelper;

namespace Crema.Tests.Configuration;

public sealed class ConfigStructureTests
{
    [Fact]
    public void Load_SyntaxError_ReportsPosition()
    {
        var result = Load("apiVersion: crema/v1\nkind: CremaConfig\nspec:\n  scaledObjects: [\n");

        var error = result.Errors.ShouldHaveSingleItem();
        error.Message.ShouldStartWith("YAML syntax error: ");
        error.Line.ShouldBeGreaterThanOrEqualTo(4);
        error.File.ShouldBe(FileName);
        result.Config.ShouldBeNull();
    }

    [Fact]
    public void Load_DuplicateKey_ReportsSecondOccurrence()
    {
        var result = Load(OneScaledObject().Replace("kind: CremaConfig\n", "kind: CremaConfig\nkind: CremaConfig\n", StringComparison.Ordinal));

        var error = result.Errors.ShouldHaveSingleItem();
        error.ToString().ShouldBe("crema.yaml:3:1: kind: duplicate key \"kind\" (first defined at line 2); remove one of them");
    }

    [Fact]
    public void Load_EmptyFile_ReportsError()
    {
        Load("").Errors.ShouldHaveSingleItem().Message.ShouldContain("empty");
    }

    [Fact]
    public void Load_TwoDocuments_ReportsError()
    {
        Load("apiVersion: crema/v1\nkind: CremaConfig\nspec: {}\n---\nfoo: 1\n").Errors.ShouldHaveSingleItem().Message.ShouldContain("only one YAML document");
    }

    [Theory]
    [InlineData("kind: CremaConfig\nspec: {}\n", "apiVersion", "missing required field \"apiVersion\"; add \"apiVersion: crema/v1\"")]
    [InlineData("apiVersion: crema/v1\nspec: {}\n", "kind", "missing required field \"kind\"")]
    [InlineData("apiVersion: keda.sh/v1alpha1\nkind: CremaConfig\nspec: {}\n", "apiVersion", "must be \"crema/v1\", found \"keda.sh/v1alpha1\"")]
    [InlineData("apiVersion: crema/v1\nkind: ScaledObject\nspec: {}\n", "kind", "must be \"CremaConfig\"")]
    [InlineData("apiVersion: crema/v1\nkind: CremaConfig\n", "spec", "missing required field \"spec\"")]
    [InlineData("- a\n- b\n", "", "expected a mapping, found a sequence")]
    [InlineData("apiVersion: crema/v1\nkind: CremaConfig\nspec: [1]\n", "spec", "expected a mapping, found a sequence")]
    [InlineData("apiVersion: crema/v1\nkind: CremaConfig\nspec: {scaledObjects: 3}\n", "spec.scaledObjects", "expected a sequence (a list of items), found \"3\"")]
    [InlineData("apiVersion: crema/v1\nkind: CremaConfig\nspec: {pollingInterval: abc}\n", "spec.pollingInterval", "\"abc\" is not an integer")]
    [InlineData("apiVersion: crema/v1\nkind: CremaConfig\nspec: {pollingInterval: 1.5}\n", "spec.pollingInterval", "\"1.5\" is not an integer")]
    [InlineData("apiVersion: crema/v1\nkind: CremaConfig\nspec: {pollingInterval: \"30\"}\n", "spec.pollingInterval", "write 30 without quotes")]
    [InlineData("apiVersion: crema/v1\nkind: CremaConfig\nspec: {pollingInterval: 99999999999}\n", "spec.pollingInterval", "out of range")]
    [InlineData("apiVersion: crema/v1\nkind: CremaConfig\nspec: {pollingInterval: [1]}\n", "spec.pollingInterval", "expected an integer, found a sequence")]
    [InlineData("apiVersion: crema/v1\nkind: CremaConfig\nspec: {pollingIntervall: 5}\n", "spec.pollingIntervall", "unknown field \"pollingIntervall\"; did you mean \"pollingInterval\"?")]
    [InlineData("apiVersion: crema/v1\nkind: CremaConfig\nspec: {scaledobjects: []}\n", "spec.scaledobjects", "did you mean \"scaledObjects\"?")]
    [InlineData("apiVersion: crema/v1\nkind: CremaConfig\nspec: {scaledObjects: [{spec: {minReplicas: 1}}]}\n", "spec.scaledObjects[0].spec.minReplicas", "unknown field \"minReplicas\"; did you mean \"minReplicaCount\"?")]
    [InlineData("apiVersion: crema/v1\nkind: CremaConfig\nspec: {zzz: 5}\n", "spec.zzz", "unknown field \"zzz\"; valid fields: pollingInterval, triggerAuthentications, scaledObjects")]
    public void Load_StructuralProblem_ReportsIt(string yaml, string path, string message)
    {
        Load(yaml).ShouldHaveError(path, message);
    }

    [Theory]
    [InlineData("apiVersion: crema/v1\nkind: CremaConfig\nspec: {scaledObjects: []}\n")]
    [InlineData("apiVersion: crema/v1\nkind: CremaConfig\nspec: {pollingInterval: 10}\n")]
    public void Load_NoScaledObjects_IsRejectedAsCremaDoes(string yaml)
    {
        var result = Load(yaml);

        result.ShouldHaveError("spec.scaledObjects", "at least one scaled object is required");
        result.Errors.ShouldHaveSingleItem().Line.ShouldBe(3);
    }

    [Theory]
    [InlineData("apiVersion: crema/v1\nkind: CremaConfig\nspec: {scaledObjects: 3}\n")]
    [InlineData("apiVersion: crema/v1\nkind: CremaConfig\nspec: [1]\n")]
    [InlineData("- a\n")]
    public void Load_ScaledObjectsThatDidNotBind_NoEmptyListError(string yaml) =>
        Load(yaml).Errors.ShouldNotContain(e => e.Message.Contains("at least one scaled object", StringComparison.Ordinal));

    [Fact]
    public void Load_MissingRequiredNestedField_ReportsAtParent()
    {
        var yaml = "apiVersion: crema/v1\nkind: CremaConfig\nspec:\n  scaledObjects:\n    - spec:\n        triggers: [{type: github-runner}]\n";

        var error = Load(yaml).Errors.ShouldHaveSingleItem();

        error.ToString().ShouldBe("crema.yaml:6:9: spec.scaledObjects[0].spec.scaleTargetRef: missing required field \"scaleTargetRef\"");
    }

    [Fact]
    public void Load_EnumsAreCaseInsensitive()
    {
        var yaml = OneScaledObject("""
            fallback: {failureThreshold: 3, replicas: 2, behavior: CURRENTREPLICASIFHIGHER}
            advanced:
              horizontalPodAutoscalerConfig:
                behavior:
                  scaleUp: {selectPolicy: max, policies: [{type: percent, value: 50, periodSeconds: 30}]}
            """, triggers: "triggers: [{type: github-runner, metricType: averagevalue}]");

        var result = Load(yaml);

        result.ShouldBeValid();
        var spec = result.Config!.Spec.ScaledObjects[0].Spec;
        spec.Fallback!.Behavior.ShouldBe(Crema.Core.Configuration.FallbackBehavior.CurrentReplicasIfHigher);
        spec.Advanced!.HorizontalPodAutoscalerConfig!.Behavior!.ScaleUp!.SelectPolicy.ShouldBe(Crema.Core.Configuration.SelectPolicy.Max);
        spec.Advanced.HorizontalPodAutoscalerConfig.Behavior.ScaleUp.Policies![0].Type.ShouldBe(Crema.Core.Configuration.HpaPolicyType.Percent);
    }

    [Fact]
    public void Load_BadEnum_ListsValuesAndSuggests()
    {
        var yaml = OneScaledObject("fallback: {failureThreshold: 3, replicas: 2, behavior: currentReplica}");

        Load(yaml).ShouldHaveError("spec.scaledObjects[0].spec.fallback.behavior",
            "\"currentReplica\" is not valid; expected one of static, currentReplicas, currentReplicasIfHigher, currentReplicasIfLower (did you mean \"currentReplicas\"?)");
    }

    [Fact]
    public void Load_MetadataScalarsOfAnyKind_AreTakenAsText()
    {
        var yaml = OneScaledObject(triggers: "triggers: [{type: github-runner, metadata: {a: 1, b: true, c: 2.50, d: \"x\", e: ~}}]");

        var metadata = Load(yaml).Config!.Spec.ScaledObjects[0].Spec.Triggers[0].Metadata;

        metadata.ShouldBe(new Dictionary<string, string> { ["a"] = "1", ["b"] = "true", ["c"] = "2.50", ["d"] = "x", ["e"] = "" });
    }

    [Fact]
    public void Load_NonScalarMetadataValue_ReportsIt()
    {
        var yaml = OneScaledObject(triggers: "triggers: [{type: github-runner, metadata: {a: [1, 2]}}]");

        Load(yaml).ShouldHaveError("spec.scaledObjects[0].spec.triggers[0].metadata.a", "expected a string, found a sequence");
    }

    [Fact]
    public void Load_AnchorsAndAliases_AreResolved()
    {
        var yaml = OneScaledObject(triggers: """
            triggers:
              - {type: github-runner, name: a, metadata: &common {owner: acme, runnerScope: org}}
              - {type: github-runner, name: b, metadata: *common}
            """);

        var triggers = Load(yaml).Config!.Spec.ScaledObjects[0].Spec.Triggers;

        triggers[1].Metadata["runnerScope"].ShouldBe("org");
    }
}
