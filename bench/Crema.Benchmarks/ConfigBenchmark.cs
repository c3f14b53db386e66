using System.Globalization;
using System.Text;
using Crema.Core.Configuration;
using Crema.Scalers;

namespace Crema.Benchmarks;

/// <summary>
/// ConfigLoader.Load (parse, bind and validate with the built-in scalers, as <c>crema validate</c> and every
/// reload do) for crema.example.yaml and for a generated config of 500 scaled objects.
/// </summary>
internal static class ConfigBenchmark
{
    public static void Run(TextWriter output)
    {
        var scalers = BuiltInScalers.CreateRegistry();
        var example = File.ReadAllText(RepositoryFiles.Path("crema.example.yaml"));
        var generated = Generate(500);
        foreach (var (name, text, minIterations) in (ReadOnlySpan<(string, string, int)>)[("config: load crema.example.yaml", example, 2_000), ("config: load 500 scaled objects", generated, 20)])
        {
            var check = ConfigLoader.Load(text, "bench.yaml", scalers);
            if (!check.IsValid)
            {
                throw new InvalidOperationException(string.Join(Environment.NewLine, check.Errors.Take(5)));
            }
            var measurement = Measurement.Run(name, () => ConfigLoader.Load(text, "bench.yaml", scalers), minIterations, TimeSpan.FromSeconds(3));
            measurement.Write(output);
        }
    }

    /// <summary>
    /// A config of <paramref name="objects"/> scaled objects, rotating prometheus (with a behavior block and a
    /// secret-backed authentication), kafka (two triggers) and gcp-pubsub (with fallback).
    /// </summary>
    internal static string Generate(int objects)
    {
        var yaml = new StringBuilder("""
            apiVersion: crema/v1
            kind: CremaConfig
            spec:
              pollingInterval: 30
              triggerAuthentications:
                - metadata: {name: prometheus-auth}
                  spec:
                    gcpSecretManager:
                      secrets: [{parameter: bearerToken, id: prometheus-reader-token, version: latest}]
                - metadata: {name: google-identity}
                  spec:
                    podIdentity: {provider: gcp}
              scaledObjects:

            """);
        for (var i = 0; i < objects; i++)
        {
            var name = "worker-" + i.ToString("D4", CultureInfo.InvariantCulture);
            yaml.Append(CultureInfo.InvariantCulture, $"""
                    - metadata: {"{"}name: {name}{"}"}
                      spec:
                        scaleTargetRef: {"{"}name: projects/bench/locations/us-central1/workerPools/{name}{"}"}
                        maxReplicaCount: {10 + (i % 40)}

                """);
            yaml.Append((i % 3) switch
            {
                0 => $$"""
                            advanced:
                              horizontalPodAutoscalerConfig:
                                behavior:
                                  scaleDown:
                                    stabilizationWindowSeconds: 120
                                    policies: [{type: Percent, value: 50, periodSeconds: 60}]
                            triggers:
                              - type: prometheus
                                name: backlog
                                metadata: {serverAddress: "https://prometheus.internal", query: "sum(queue{name=\"{{name}}\"})", threshold: "25", authModes: bearer}
                                authenticationRef: {name: prometheus-auth}

                    """,
                1 => $$"""
                            triggers:
                              - type: kafka
                                name: lag
                                metadata: {bootstrapServers: "kafka-1:9092,kafka-2:9092", consumerGroup: {{name}}, topic: {{name}}, lagThreshold: "50"}
                              - type: kafka
                                name: retry-lag
                                metadata: {bootstrapServers: "kafka-1:9092", consumerGroup: {{name}}, topic: {{name}}-retry, lagThreshold: "100"}

                    """,
                _ => $$"""
                            fallback: {failureThreshold: 3, replicas: 2}
                            triggers:
                              - type: gcp-pubsub
                                name: subscription
                                metadata: {subscriptionName: "projects/bench/subscriptions/{{name}}", value: "100", activationValue: "0"}
                                authenticationRef: {name: google-identity}

                    """,
            });
        }
        return yaml.ToString();
    }
}
