using static Crema.Tests.Configuration.ConfigTestHelper;

namespace Crema.Tests.Configuration;

/// <summary>CREMA parses strictly into KEDA's Go types: what those types hold is accepted, anything else stays an error.</summary>
public sealed class CremaCompatibilityRuleTests
{
    private const string PastedAuthentication = """
        - apiVersion: keda.sh/v1alpha1
          kind: TriggerAuthentication
          metadata:
            name: github-auth
            namespace: ci
            labels: {team: build}
            annotations: {owner: platform}
          spec:
            gcpSecretManager:
              secrets: [{parameter: personalAccessToken, id: github-token, version: latest}]
              podIdentity: {provider: gcp, identityId: crema@p.iam.gserviceaccount.com}
        """;

    [Fact]
    public void Load_PastedKedaTriggerAuthentication_IsAccepted()
    {
        var result = Load(OneScaledObject(authentications: PastedAuthentication));

        result.ShouldBeValid();
        var authentication = result.Config!.Spec.TriggerAuthentications[0];
        (authentication.ApiVersion, authentication.Kind, authentication.Metadata.Namespace).ShouldBe(("keda.sh/v1alpha1", "TriggerAuthentication", "ci"));
        authentication.Metadata.Labels["team"].ShouldBe("build");
        authentication.Spec.GcpSecretManager!.PodIdentity!.IdentityId.ShouldBe("crema@p.iam.gserviceaccount.com");
    }

    [Fact]
    public void Load_KubernetesMetadataOnTheConfig_IsAccepted()
    {
        var yaml = OneScaledObject().Replace("kind: CremaConfig\nspec:\n", "kind: CremaConfig\nmetadata:\n  name: crema\n  namespace: default\n  labels: {app: crema}\n  annotations: {a: b}\nspec:\n", StringComparison.Ordinal);

        var result = Load(yaml);

        result.ShouldBeValid();
        result.Config!.Metadata!.Namespace.ShouldBe("default");
    }

    [Fact]
    public void Load_EnvSourceContainerNameAndStatus_AcceptedAndIgnored()
    {
        var yaml = OneScaledObject().Replace(
            "scaleTargetRef: {name: projects/my-project/locations/us-central1/workerPools/pool}",
            "scaleTargetRef: {name: projects/my-project/locations/us-central1/workerPools/pool, envSourceContainerName: worker}",
            StringComparison.Ordinal) + "      status:\n        conditions: [{type: Ready, status: \"True\"}]\n        lastActiveTime: \"2026-01-01T00:00:00Z\"\n";

        var result = Load(yaml);

        result.ShouldBeValid();
        var scaledObject = result.Config!.Spec.ScaledObjects[0];
        scaledObject.Spec.ScaleTargetRef.EnvSourceContainerName.ShouldBe("worker");
        scaledObject.Status.ShouldNotBeNull();
    }

    [Fact]
    public void Load_StatusThatIsNoMapping_ReportsIt()
    {
        Load(OneScaledObject() + "      status: ready\n")
            .ShouldHaveError("spec.scaledObjects[0].status", "expected a mapping (KEDA's ScaledObject status, ignored), found \"ready\"");
    }

    [Theory]
    [InlineData("secretTargetRefs: [{parameter: p, name: s, key: k}]", "spec.triggerAuthentications[0].spec.secretTargetRefs", "did you mean \"secretTargetRef\"?")]
    [InlineData("podIdentity: {provider: gcp, identityID: x}", "spec.triggerAuthentications[0].spec.podIdentity.identityID", "did you mean \"identityId\"?")]
    public void Load_KeysNeitherKedaNorCremaKnow_StayErrorsWithSuggestion(string source, string path, string message)
    {
        Load(OneScaledObject(authentications: $"- metadata: {{name: a}}\n  spec:\n    {source}")).ShouldHaveError(path, message);
    }

    [Fact]
    public void Load_UnknownKeyInTriggerAuthenticationItem_StaysAnErrorWithSuggestion()
    {
        Load(OneScaledObject(authentications: "- metadata: {name: a}\n  kinds: TriggerAuthentication\n  spec: {podIdentity: {provider: gcp}}"))
            .ShouldHaveError("spec.triggerAuthentications[0].kinds", "did you mean \"kind\"?");
    }
}
