using Crema.Core.Configuration;
using Crema.Scalers;
using Crema.Tests.Configuration;
using Crema.Tests.Support;

namespace Crema.Tests.Scalers.RabbitMq;

/// <summary>KEDA's documentation examples, as CremaConfigs, pass validation (the sample is checked by RepositoryConfigTests) with the built-in scalers.</summary>
public sealed class RabbitMqConfigTests
{
    /// <summary>KEDA 2.20's rabbitmq-queue.md examples: AMQP with host and vhostName from a secret; HTTP with QueueLength and MessageRate; useRegex.</summary>
    [Fact]
    public void Load_KedaDocumentationExamples_AreValid()
    {
        const string yaml = """
            apiVersion: crema/v1
            kind: CremaConfig
            spec:
              triggerAuthentications:
                - metadata: {name: keda-trigger-auth-rabbitmq-conn}
                  spec:
                    gcpSecretManager:
                      secrets:
                        - {parameter: host, id: keda-rabbitmq-host}
                        - {parameter: vhostName, id: keda-rabbitmq-vhost}
                - metadata: {name: keda-trigger-auth-rabbitmq-http}
                  spec:
                    gcpSecretManager:
                      secrets:
                        - {parameter: host, id: keda-rabbitmq-http-host}
              scaledObjects:
                - spec:
                    scaleTargetRef: {name: projects/my-project/locations/us-central1/workerPools/rabbitmq-deployment}
                    triggers:
                      - type: rabbitmq
                        metadata: {protocol: amqp, queueName: testqueue, mode: QueueLength, value: "20"}
                        authenticationRef: {name: keda-trigger-auth-rabbitmq-conn}
                - spec:
                    scaleTargetRef: {name: projects/my-project/locations/us-central1/workerPools/rabbitmq-http}
                    triggers:
                      - type: rabbitmq
                        metadata: {protocol: http, queueName: testqueue, mode: QueueLength, value: "20"}
                        authenticationRef: {name: keda-trigger-auth-rabbitmq-http}
                      - type: rabbitmq
                        metadata: {protocol: http, queueName: testqueue, mode: MessageRate, value: "100"}
                        authenticationRef: {name: keda-trigger-auth-rabbitmq-http}
                      - type: rabbitmq
                        metadata: {protocol: http, queueName: ^.*incoming$, mode: QueueLength, value: "20", useRegex: "true", operation: max}
                        authenticationRef: {name: keda-trigger-auth-rabbitmq-http}
                      - type: rabbitmq
                        metricType: Value
                        metadata: {protocol: http, queueName: testqueue, mode: PublishedToDeliveredRatio, value: "1.1"}
                        authenticationRef: {name: keda-trigger-auth-rabbitmq-http}
            """;

        var result = ConfigLoader.Load(yaml, "keda-examples.yaml", BuiltInScalers.CreateRegistry());

        result.Errors.ShouldBeEmpty(ConfigTestHelper.Describe(result));
        result.Warnings.ShouldBeEmpty(ConfigTestHelper.Describe(result));
    }

    [Fact]
    public void Load_HttpOnlyModeOverAmqp_IsAnErrorAtItsPath()
    {
        var result = ConfigTestHelper.Load(ConfigTestHelper.OneScaledObject(triggers: """
            triggers:
              - {type: rabbitmq, metadata: {host: "amqp://rabbit:5672/", queueName: q, mode: MessageRate, value: "5"}}
            """), BuiltInScalers.CreateRegistry());

        result.ShouldHaveError("spec.scaledObjects[0].spec.triggers[0].metadata.mode", "MessageRate needs the management API");
    }
}
