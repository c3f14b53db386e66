using Crema.Abstractions;
using Crema.Core.Configuration;
using Crema.Core.Engine;
using Crema.Scalers;

namespace Crema.Benchmarks;

/// <summary>
/// ScalingEngine.Decide for one scaled object with 3 triggers and an HPA behavior block, polled every
/// 15 s of simulated time with the state carried over, on a load that rises and falls (so decisions scale
/// up, stabilize and scale down); the samples are built beforehand so only the engine is measured.
/// </summary>
internal static class EngineBenchmark
{
    private const string Config = """
        apiVersion: crema/v1
        kind: CremaConfig
        spec:
          scaledObjects:
            - metadata: {name: bench}
              spec:
                scaleTargetRef: {name: projects/bench/locations/us-central1/workerPools/bench}
                pollingInterval: 15
                maxReplicaCount: 100
                cooldownPeriod: 300
                fallback: {failureThreshold: 3, replicas: 5}
                advanced:
                  horizontalPodAutoscalerConfig:
                    behavior:
                      scaleUp:
                        stabilizationWindowSeconds: 30
                        selectPolicy: Max
                        policies:
                          - {type: Pods, value: 4, periodSeconds: 60}
                          - {type: Percent, value: 100, periodSeconds: 60}
                      scaleDown:
                        stabilizationWindowSeconds: 300
                        policies:
                          - {type: Percent, value: 50, periodSeconds: 60}
                triggers:
                  - type: prometheus
                    name: backlog
                    metadata: {serverAddress: "http://prometheus:9090", query: "backlog", threshold: "10"}
                  - type: prometheus
                    name: rate
                    metadata: {serverAddress: "http://prometheus:9090", query: "rate", threshold: "50", activationThreshold: "5"}
                  - type: prometheus
                    name: latency
                    metadata: {serverAddress: "http://prometheus:9090", query: "latency", threshold: "0.5"}
        """;

    public static void Run(TextWriter output)
    {
        var loaded = ConfigLoader.Load(Config, "engine.yaml", BuiltInScalers.CreateRegistry());
        if (!loaded.IsValid)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, loaded.Errors));
        }
        var scaledObject = loaded.Config!.Spec.ScaledObjects[0];
        var polls = Samples(400);
        var state = ScalingState.Initial(DateTimeOffset.UnixEpoch);
        var current = 0;
        var now = DateTimeOffset.UnixEpoch;
        long poll = 0;
        var measurement = Measurement.Run("engine: Decide (3 triggers, behavior)", () =>
        {
            var decision = ScalingEngine.Decide(scaledObject, state, current, polls[(int)(poll++ % polls.Length)], now);
            state = decision.NextState;
            current = decision.DesiredReplicas;
            now = now.AddSeconds(15);
        }, 200_000, TimeSpan.FromSeconds(3));
        measurement.Write(output);
    }

    /// <summary>A load cycle: idle, a ramp to 80 replicas' worth, a plateau, a fall; every 50th read of "rate" fails.</summary>
    private static TriggerSample[][] Samples(int count) =>
        Enumerable.Range(0, count).Select(i =>
        {
            var load = Math.Max(0, Math.Sin(i * 2 * Math.PI / count) * 800);
            TriggerSample[] samples =
            [
                TriggerSample.Success("backlog", new MetricReading(load, 10, load > 0)),
                i % 50 == 49 ? TriggerSample.Failure("rate", "error (bench)") : TriggerSample.Success("rate", new MetricReading(load * 3, 50, load * 3 > 5)),
                TriggerSample.Success("latency", new MetricReading(0.1 + (load / 1000), 0.5, true)),
            ];
            return samples;
        }).ToArray();
}
