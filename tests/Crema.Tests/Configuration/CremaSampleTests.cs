using Crema.Abstractions;
using Crema.Core.Configuration;
using Crema.Tests.Support;

namespace Crema.Tests.Configuration;

public sealed class CremaSampleTests
{
    private const string Sample = """
        apiVersion: crema/v1
        kind: CremaConfig
        spec:
          pollingInterval: 30              # seconds; global only
          triggerAuthentications:
            - metadata: {name: github-auth}
              spec:
                gcpSecretManager:
                  secrets:
                    - {parameter: personalAccessToken, id: github-token, version: latest}
                # or: podIdentity: {provider: gcp}
          scaledObjects:
            - spec:
                scaleTargetRef:
                  name: projects/my-project/locations/us-central1/workerpools/runners
                minReplicaCount: 0
                maxReplicaCount: 100
                triggers:
                  - type: github-runner
                    name: runner-queue
                    metadata: {owner: acme, runnerScope: repo, repos: app, targetWorkflowQueueLength: "1"}
                    authenticationRef: {name: github-auth}
                advanced:
                  horizontalPodAutoscalerConfig:
                    behavior:
                      scaleDown: {stabilizationWindowSeconds: 10, policies: [{type: Pods, value: 5, periodSeconds: 10}]}
        """;

    [Fact]
    public void Load_CremaSample_LoadsWithoutErrorsOrWarnings()
    {
        var result = ConfigTestHelper.Load(Sample);

        result.ShouldBeValid();
        result.Warnings.ShouldBeEmpty();
        var config = result.Config!;
        config.Spec.PollingInterval.ShouldBe(30);
        var auth = config.Spec.TriggerAuthentications.ShouldHaveSingleItem();
        auth.Metadata.Name.ShouldBe("github-auth");
        auth.Spec.GcpSecretManager!.Secrets.ShouldHaveSingleItem().ShouldBe(new GcpSecret { Parameter = "personalAccessToken", Id = "github-token", Version = "latest" });
        var scaledObject = config.Spec.ScaledObjects.ShouldHaveSingleItem();
        scaledObject.DisplayName.ShouldBe("runners");
        scaledObject.Spec.MinReplicaCount.ShouldBe(0);
        scaledObject.Spec.MaxReplicaCount.ShouldBe(100);
        var trigger = scaledObject.Spec.Triggers.ShouldHaveSingleItem();
        trigger.Type.ShouldBe("github-runner");
        trigger.Name.ShouldBe("runner-queue");
        trigger.Metadata["targetWorkflowQueueLength"].ShouldBe("1");
        trigger.AuthenticationRef!.Name.ShouldBe("github-auth");
        var scaleDown = scaledObject.Spec.Advanced!.HorizontalPodAutoscalerConfig!.Behavior!.ScaleDown!;
        scaleDown.StabilizationWindowSeconds.ShouldBe(10);
        scaleDown.Policies!.ShouldHaveSingleItem().ShouldBe(new HpaScalingPolicy { Type = HpaPolicyType.Pods, Value = 5, PeriodSeconds = 10 });
    }

    [Fact]
    public void Load_CremaSample_PassesDeclaredAuthParametersToTheScaler()
    {
        var factory = new TestScalerFactory("github-runner") { AcceptAnyKey = true };

        ConfigTestHelper.Load(Sample, new ScalerRegistry([factory])).ShouldBeValid();

        var context = factory.Seen.ShouldHaveSingleItem();
        context.AuthParams.ShouldBe(new Dictionary<string, string> { ["personalAccessToken"] = "" });
        context.TriggerName.ShouldBe("runner-queue");
        context.ScaledObjectName.ShouldBe("runners");
        context.ValidationOnly.ShouldBeTrue();
        context.UsePodIdentity.ShouldBeFalse();
        context.MetricType.ShouldBe(MetricType.AverageValue);
    }
}
