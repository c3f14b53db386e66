using Crema.Abstractions;
using Crema.Tests.Support;
using static Crema.Tests.Configuration.ConfigTestHelper;

namespace Crema.Tests.Configuration;

public sealed class TriggerRuleTests
{
    private const string T0 = "spec.scaledObjects[0].spec.triggers[0]";
    private const string Auth = "- metadata: {name: prom-auth}\n  spec: {env: [{parameter: bearerToken, name: PROM_TOKEN}]}";

    [Fact]
    public void Load_NoTriggers_ReportsIt()
    {
        Load(OneScaledObject(triggers: "triggers: []")).ShouldHaveError("spec.scaledObjects[0].spec.triggers", "at least one trigger is required");
    }

    [Fact]
    public void Load_TriggersMissing_ReportsIt()
    {
        Load(OneScaledObject(triggers: "minReplicaCount: 0")).ShouldHaveError("spec.scaledObjects[0].spec.triggers", "missing required field \"triggers\"; add at least one trigger");
    }

    [Fact]
    public void Load_DuplicateTriggerNames_ReportsTheSecond()
    {
        var triggers = "triggers:\n  - {type: github-runner, name: q}\n  - {type: github-runner, name: q}";

        Load(OneScaledObject(triggers: triggers)).ShouldHaveError("spec.scaledObjects[0].spec.triggers[1].name",
            "trigger name \"q\" is already used by spec.scaledObjects[0].spec.triggers[0]; trigger names must be unique within a scaled object");
    }

    [Fact]
    public void Load_UnknownTriggerType_ListsKnownTypesAndSuggests()
    {
        Load(OneScaledObject(triggers: "triggers: [{type: prometheus2}]")).ShouldHaveError($"{T0}.type",
            "unknown trigger type \"prometheus2\"; known types: cpu, github-runner, memory, prometheus (did you mean \"prometheus\"?)");
    }

    [Fact]
    public void Load_MissingTriggerType_ReportsIt()
    {
        Load(OneScaledObject(triggers: "triggers: [{name: a}]")).ShouldHaveError($"{T0}.type", "missing required field \"type\"");
    }

    [Theory]
    [InlineData("Utilization", "Utilization is not supported for external metrics; use AverageValue or Value")]
    [InlineData("Average", "expected one of AverageValue, Value")]
    public void Load_BadMetricType_ReportsIt(string metricType, string message)
    {
        Load(OneScaledObject(triggers: $"triggers: [{{type: github-runner, metricType: {metricType}}}]")).ShouldHaveError($"{T0}.metricType", message);
    }

    [Fact]
    public void Load_UnknownAuthenticationRef_ReportsItWithSuggestion()
    {
        var triggers = "triggers: [{type: github-runner, authenticationRef: {name: prom-aut}}]";

        Load(OneScaledObject(triggers: triggers, authentications: Auth)).ShouldHaveError($"{T0}.authenticationRef.name",
            "no triggerAuthentication named \"prom-aut\"; defined: prom-auth (did you mean \"prom-auth\"?)");
    }

    [Fact]
    public void Load_ScalerMetadataErrors_PointAtTheKeyOrTheMetadata()
    {
        var triggers = """
            triggers:
              - type: prometheus
                metadata:
                  serverAddress: http://prom:9090
                  threshold: ""
            """;

        var result = Load(OneScaledObject(triggers: triggers));

        result.ShouldHaveError($"{T0}.metadata.query", "is required");
        result.Errors.Single(e => e.Path == $"{T0}.metadata.query").Line.ShouldBe(10);
        result.Errors.Single(e => e.Path == $"{T0}.metadata.query").Column.ShouldBe(15);
    }

    [Fact]
    public void Load_FromEnvOfAKeyReadOnlyFromMetadata_WarnsAtThatEntry()
    {
        var triggers = """
            triggers:
              - type: prometheus
                metadata:
                  serverAddress: http://prom:9090
                  query: up
                  threshold: "1"
                  ignoreNullValuesFromEnv: IGNORE_NULLS
            """;

        var result = Load(OneScaledObject(triggers: triggers), Crema.Scalers.BuiltInScalers.CreateRegistry());

        result.ShouldBeValid();
        result.Warnings.ShouldHaveSingleItem().ToString().ShouldBe(
            $"crema.yaml:13:40: {T0}.metadata.ignoreNullValuesFromEnv: is ignored: ignoreNullValues is read only from metadata, not from the environment");
    }

    [Fact]
    public void Load_ScalerMetadataErrorWithoutMetadata_PointsAtTheTrigger()
    {
        var result = Load(OneScaledObject(triggers: "triggers:\n  - type: prometheus"));

        var error = result.Errors.First(e => e.Path == $"{T0}.metadata.serverAddress");
        (error.Line, error.Column, error.Message).ShouldBe((8, 13, "is required"));
    }

    [Fact]
    public void Load_UnknownMetadataKey_IsAWarning()
    {
        var triggers = "triggers: [{type: prometheus, metadata: {serverAddress: x, query: up, threshold: 1, foo: bar}}]";

        var result = Load(OneScaledObject(triggers: triggers));

        result.ShouldBeValid();
        var warning = result.Warnings.ShouldHaveSingleItem();
        (warning.Path, warning.Message).ShouldBe(($"{T0}.metadata.foo", "unknown metadata key \"foo\" is ignored"));
    }

    [Theory]
    [InlineData("serverAdress", "serverAddress")]
    [InlineData("activation", "activationThreshold")]
    [InlineData("serverAdressFromEnv", "serverAddressFromEnv")]
    public void Load_MisspelledMetadataKey_WarningSuggestsTheKeyTheScalerReads(string key, string suggestion)
    {
        var triggers = $"triggers: [{{type: prometheus, metadata: {{serverAddress: x, query: up, threshold: 1, {key}: y}}}}]";

        var warning = Load(OneScaledObject(triggers: triggers)).Warnings.ShouldHaveSingleItem();

        (warning.Path, warning.Message).ShouldBe(($"{T0}.metadata.{key}", $"unknown metadata key \"{key}\" is ignored; did you mean \"{suggestion}\"?"));
    }

    [Fact]
    public void Load_MissingAuthParameter_PointsAtAuthenticationRef()
    {
        var registry = TestScalers.Registry(new TestScalerFactory("needs-auth") { RequiredAuthParams = ["password"] });
        var triggers = "triggers: [{type: needs-auth, authenticationRef: {name: prom-auth}}]";

        Load(OneScaledObject(triggers: triggers, authentications: Auth), registry).ShouldHaveError($"{T0}.authenticationRef",
            "parameter \"password\" is required (as a parameter of the trigger's authenticationRef)");
    }

    [Fact]
    public void Load_MissingAuthParameterWithoutRef_PointsAtTrigger()
    {
        var registry = TestScalers.Registry(new TestScalerFactory("needs-auth") { RequiredAuthParams = ["password"] });

        var result = Load(OneScaledObject(triggers: "triggers: [{type: needs-auth}]"), registry);

        result.Errors.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            e => e.Path.ShouldBe(T0),
            e => e.Message.ShouldBe("parameter \"password\" is required; the trigger has no authenticationRef; add one whose triggerAuthentication provides password"));
    }

    [Fact]
    public void Load_AuthenticationRefToUnknownName_ReportsOnlyTheUnknownReference()
    {
        var registry = TestScalers.Registry(new TestScalerFactory("needs-auth") { RequiredAuthParams = ["password"] });
        var triggers = "triggers: [{type: needs-auth, authenticationRef: {name: nowhere}}]";

        var error = Load(OneScaledObject(triggers: triggers, authentications: Auth), registry).Errors.ShouldHaveSingleItem();

        (error.Path, error.Message).ShouldBe(($"{T0}.authenticationRef.name", "no triggerAuthentication named \"nowhere\"; defined: prom-auth"));
    }

    [Fact]
    public void Load_Trigger_GivesTheScalerItsContext()
    {
        var factory = new TestScalerFactory("needs-auth") { RequiredAuthParams = ["bearerToken"], AcceptAnyKey = true };
        var authentications = "- metadata: {name: prom-auth}\n  spec: {podIdentity: {provider: gcp}, file: [{parameter: bearerToken, path: /secrets/token}]}";
        var triggers = "triggers: [{type: github-runner}, {type: needs-auth, metricType: Value, authenticationRef: {name: prom-auth}, metadata: {a: b}}]";

        Load(OneScaledObject(triggers: triggers, authentications: authentications), new ScalerRegistry([factory, new TestScalerFactory("github-runner")]))
            .ShouldBeValid();

        var context = factory.Seen.ShouldHaveSingleItem();
        context.TriggerName.ShouldBe("1");
        context.ScaledObjectName.ShouldBe("pool");
        context.MetricType.ShouldBe(MetricType.Value);
        context.UsePodIdentity.ShouldBeTrue();
        context.AuthParams.Keys.ShouldBe(["bearerToken"]);
        context.Metadata["a"].ShouldBe("b");
    }
}
