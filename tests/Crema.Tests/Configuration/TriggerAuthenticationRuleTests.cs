using static Crema.Tests.Configuration.ConfigTestHelper;

namespace Crema.Tests.Configuration;

public sealed class TriggerAuthenticationRuleTests
{
    private const string A0 = "spec.triggerAuthentications[0]";

    private static string Config(string authentications) =>
        "apiVersion: crema/v1\nkind: CremaConfig\nspec:\n  triggerAuthentications:\n" +
        string.Join('\n', authentications.Split('\n').Select(l => "    " + l)) + "\n" +
        "  scaledObjects:\n    - spec:\n        scaleTargetRef: {name: projects/my-project/locations/us-central1/workerPools/w}\n        triggers: [{type: github-runner}]\n";

    [Theory]
    [InlineData("- spec: {podIdentity: {provider: gcp}}", A0 + ".metadata", "missing required field \"metadata\"")]
    [InlineData("- metadata: {}\n  spec: {podIdentity: {provider: gcp}}", A0 + ".metadata.name", "missing required field \"name\"")]
    [InlineData("- metadata: {name: a}", A0 + ".spec", "missing required field \"spec\"")]
    [InlineData("- metadata: {name: a}\n  spec: {}", A0 + ".spec", "declares no source; add gcpSecretManager.secrets, secretTargetRef, podIdentity, env or file")]
    [InlineData("- metadata: {name: a}\n  spec: {gcpSecretManager: {secrets: []}}", A0 + ".spec.gcpSecretManager.secrets", "gcpSecretManager needs at least one secret")]
    [InlineData("- metadata: {name: a}\n  spec: {gcpSecretManager: {secrets: [{id: s}]}}", A0 + ".spec.gcpSecretManager.secrets[0].parameter", "missing required field \"parameter\"")]
    [InlineData("- metadata: {name: a}\n  spec: {gcpSecretManager: {secrets: [{parameter: p}]}}", A0 + ".spec.gcpSecretManager.secrets[0].id", "missing required field \"id\"")]
    [InlineData("- metadata: {name: a}\n  spec: {podIdentity: {provider: azure}}", A0 + ".spec.podIdentity.provider", "Azure AD Pod Identity was removed from KEDA and is not available to Crema; Crema supports gcp")]
    [InlineData("- metadata: {name: a}\n  spec: {podIdentity: {}}", A0 + ".spec.podIdentity.provider", "missing required field \"provider\"")]
    [InlineData("- metadata: {name: a}\n  spec: {gcpSecretManager: {secrets: [{parameter: p, id: s}], podIdentity: {provider: aws}}}", A0 + ".spec.gcpSecretManager.podIdentity.provider", "AWS pod identity is not available to Crema")]
    [InlineData("- metadata: {name: a}\n  spec: {env: [{parameter: p}]}", A0 + ".spec.env[0].name", "missing required field \"name\"")]
    [InlineData("- metadata: {name: a}\n  spec: {env: [{name: P}]}", A0 + ".spec.env[0].parameter", "missing required field \"parameter\"")]
    [InlineData("- metadata: {name: a}\n  spec: {file: [{parameter: p, path: secrets/token}]}", A0 + ".spec.file[0].path", "\"secrets/token\" is not an absolute path; it must start with /")]
    [InlineData("- metadata: {name: a}\n  spec: {file: [{parameter: p}]}", A0 + ".spec.file[0].path", "missing required field \"path\"")]
    [InlineData("- metadata: {name: a}\n  spec: {env: [{parameter: p, name: P}], file: [{parameter: p, path: /p}]}", A0 + ".spec.file[0].parameter", "parameter \"p\" is already declared by spec.triggerAuthentications[0].spec.env[0]")]
    [InlineData("- metadata: {name: a}\n  spec: {podIdentity: {provider: gcp}}\n- metadata: {name: a}\n  spec: {podIdentity: {provider: gcp}}", "spec.triggerAuthentications[1].metadata.name", "the name \"a\" is already used by spec.triggerAuthentications[0]")]
    public void Load_BadAuthentication_ReportsIt(string authentications, string path, string message)
    {
        Load(Config(authentications)).ShouldHaveError(path, message);
    }

    [Fact]
    public void Load_AllSources_AreBound()
    {
        var yaml = Config("""
            - metadata: {name: a}
              spec:
                gcpSecretManager:
                  secrets: [{parameter: token, id: projects/p/secrets/t}]
                  podIdentity: {provider: gcp}
                podIdentity: {provider: none}
                env: [{parameter: user, name: USER, containerName: c}]
                file: [{parameter: ca, path: /secrets/ca.pem}]
            """);

        var result = Load(yaml);

        result.ShouldBeValid();
        var spec = result.Config!.Spec.TriggerAuthentications[0].Spec;
        spec.GcpSecretManager!.Secrets[0].Version.ShouldBe("latest");
        spec.GcpSecretManager.PodIdentity!.Provider.ShouldBe("gcp");
        spec.PodIdentity!.Provider.ShouldBe("none");
        spec.Env[0].Name.ShouldBe("USER");
        spec.File[0].Path.ShouldBe("/secrets/ca.pem");
    }
}
