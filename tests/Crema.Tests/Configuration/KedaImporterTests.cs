using Crema.Core.Configuration;
using Crema.Core.Configuration.Import;
using Crema.Tests.Support;

namespace Crema.Tests.Configuration;

public sealed class KedaImporterTests
{
    private const string Manifests = """
        apiVersion: keda.sh/v1alpha1
        kind: TriggerAuthentication
        metadata: {name: prom-auth, namespace: apps}
        spec:
          secretTargetRef:
            - {parameter: bearerToken, name: prom-secret, key: token}
        ---
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata:
          name: worker
          namespace: apps
          annotations: {autoscaling.keda.sh/paused: "false"}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: Worker.V2, envSourceContainerName: app}
          minReplicaCount: 0
          triggers:
            - type: prometheus
              metadata: {serverAddress: "http://prom:9090", query: up, threshold: "5", authModes: bearer}
              authenticationRef: {name: prom-auth}
        """;

    private static readonly KedaImportTarget Target = new("my-project", "us-central1");

    [Fact]
    public void Import_ScaledObjectAndTriggerAuthentication_BecomeAValidCremaConfig()
    {
        var result = KedaImporter.Import([("keda.yaml", Manifests)], Target);

        result.Errors.ShouldBeEmpty();
        var loaded = ConfigLoader.Load(result.Yaml!, "imported", TestScalers.Registry());
        loaded.ShouldBeValid();
        var config = loaded.Config!;
        var scaledObject = config.Spec.ScaledObjects.ShouldHaveSingleItem();
        scaledObject.Metadata!.Name.ShouldBe("worker");
        scaledObject.Metadata.Namespace.ShouldBeNull("Cloud Run has no namespaces");
        scaledObject.Metadata.Annotations["autoscaling.keda.sh/paused"].ShouldBe("false");
        scaledObject.Spec.ScaleTargetRef.ShouldBe(new ScaleTargetRef { Name = "projects/my-project/locations/us-central1/workerPools/worker-v2" });
        scaledObject.Spec.MinReplicaCount.ShouldBe(0);
        scaledObject.Spec.Triggers[0].Metadata["threshold"].ShouldBe("5");
        config.Spec.TriggerAuthentications.ShouldHaveSingleItem().Spec.SecretTargetRef.ShouldHaveSingleItem().Key.ShouldBe("token");
        result.Notes.ShouldBe(["keda.yaml:8: ScaledObject worker: scaleTargetRef Deployment Worker.V2 becomes projects/my-project/locations/us-central1/workerPools/worker-v2"]);
    }

    [Fact]
    public void Import_Services_TargetsCloudRunServices()
    {
        var result = KedaImporter.Import([("keda.yaml", Manifests)], Target with { ResourceType = "services" });

        result.Yaml!.ShouldContain("name: projects/my-project/locations/us-central1/services/worker-v2");
    }

    [Fact]
    public void Import_TargetAlreadyACloudRunName_KeptWithoutProjectOrRegion()
    {
        var yaml = "kind: ScaledObject\nmetadata: {name: a}\nspec:\n  scaleTargetRef: {name: projects/p1/locations/europe-west1/workerPools/a}\n  triggers: [{type: cpu}]\n";

        var result = KedaImporter.Import([("a.yaml", yaml)], new KedaImportTarget(null, null));

        result.Errors.ShouldBeEmpty();
        result.Yaml!.ShouldContain("name: projects/p1/locations/europe-west1/workerPools/a");
    }

    [Fact]
    public void Import_KubernetesTargetNameWithoutProject_ErrorSaysWhatToGive()
    {
        var result = KedaImporter.Import([("keda.yaml", Manifests)], new KedaImportTarget(null, "us-central1"));

        result.Errors.ShouldBe(["keda.yaml:8: ScaledObject worker: scaleTargetRef.name \"Worker.V2\" is a Kubernetes name; give --project and --region to turn it into projects/PROJECT/locations/REGION/workerPools/worker-v2"]);
    }

    [Fact]
    public void Import_SecretJobAndOtherKinds_LeftOutWithANoteEach()
    {
        var yaml = "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: {token: dG9r}\n---\nkind: ScaledJob\nmetadata: {name: j}\n---\nkind: Deployment\nmetadata: {name: d}\n";

        var result = KedaImporter.Import([("k.yaml", yaml)], Target);

        result.Notes.Count.ShouldBe(3);
        result.Notes[0].ShouldStartWith("k.yaml:1: Secret s is not imported: secretTargetRef reads each key from the file SECRETS_DIR/s/KEY");
        result.Notes[1].ShouldBe("k.yaml:6: ScaledJob j is not imported: Crema scales Cloud Run worker pools and services, not jobs");
        result.Notes[2].ShouldBe("k.yaml:9: Deployment d is not imported (only ScaledObject and TriggerAuthentication are)");
        result.Yaml!.ShouldNotContain("dG9r", customMessage: "Secret data never reaches the output");
    }

    [Fact]
    public void Import_InvalidYaml_ErrorWithFileAndPosition()
    {
        var result = KedaImporter.Import([("bad.yaml", "kind: ScaledObject\nspec: [a\n")], Target);

        result.Errors.ShouldHaveSingleItem().ShouldStartWith("bad.yaml:");
        result.Errors[0].ShouldContain("not valid YAML");
    }
}
