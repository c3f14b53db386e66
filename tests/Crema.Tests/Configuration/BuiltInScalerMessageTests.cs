using Crema.Scalers;
using static Crema.Tests.Configuration.ConfigTestHelper;

namespace Crema.Tests.Configuration;

/// <summary>The messages a new user sees from `crema validate` for the built-in scalers.</summary>
public sealed class BuiltInScalerMessageTests
{
    private const string T0 = "spec.scaledObjects[0].spec.triggers[0]";

    [Fact]
    public void Load_PrometheusBearerWithoutAuthenticationRef_SaysTheRefIsMissing()
    {
        var triggers = "triggers: [{type: prometheus, metadata: {serverAddress: \"http://p:9090\", query: up, threshold: \"1\", authModes: bearer}}]";

        var error = Load(OneScaledObject(triggers: triggers), BuiltInScalers.CreateRegistry()).Errors.ShouldHaveSingleItem();

        (error.Path, error.Message).ShouldBe((T0,
            "parameter \"bearerToken\" is required when authModes includes bearer; the trigger has no authenticationRef; add one whose triggerAuthentication provides bearerToken"));
    }

    [Fact]
    public void Load_PrometheusMisspelledKey_WarningSuggestsTheKey()
    {
        var triggers = "triggers: [{type: prometheus, metadata: {serverAddress: \"http://p:9090\", serverAdress: x, query: up, threshold: \"1\"}}]";

        var warning = Load(OneScaledObject(triggers: triggers), BuiltInScalers.CreateRegistry()).Warnings.ShouldHaveSingleItem();

        warning.Message.ShouldBe("unknown metadata key \"serverAdress\" is ignored; did you mean \"serverAddress\"?");
    }

    [Fact]
    public void Load_GitHubRunnerWithoutCredentials_IsOneSentence()
    {
        var authentications = "- metadata: {name: gh}\n  spec: {env: [{parameter: other, name: OTHER}]}";
        var triggers = "triggers: [{type: github-runner, authenticationRef: {name: gh}, metadata: {owner: acme, runnerScope: org}}]";

        var error = Load(OneScaledObject(triggers: triggers, authentications: authentications), BuiltInScalers.CreateRegistry()).Errors.ShouldHaveSingleItem();

        (error.Path, error.Message).ShouldBe(($"{T0}.authenticationRef",
            "parameter \"personalAccessToken\" is required, or \"appKey\" for a GitHub App (as a parameter of the trigger's authenticationRef)"));
    }

    [Fact]
    public void Load_GitHubRunnerWithoutAuthenticationRef_SaysTheRefIsMissing()
    {
        var triggers = "triggers: [{type: github-runner, metadata: {owner: acme, runnerScope: org}}]";

        var error = Load(OneScaledObject(triggers: triggers), BuiltInScalers.CreateRegistry()).Errors.ShouldHaveSingleItem();

        error.Message.ShouldBe("parameter \"personalAccessToken\" is required, or \"appKey\" for a GitHub App; the trigger has no authenticationRef; add one whose triggerAuthentication provides personalAccessToken");
    }
}
