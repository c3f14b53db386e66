namespace Crema.Host.Demo;

/// <summary>
/// The embedded config of <c>crema demo</c>: one worker pool scaled from the demo queue's backlog by
/// the prometheus scaler, with timings shortened so a 30-second demo shows a full cycle.
/// </summary>
internal static class DemoConfig
{
    public const string Pool = "projects/crema-demo/locations/us-central1/workerPools/demo-workers";

    public static string Yaml(Uri queue) => $$"""
        apiVersion: crema/v1
        kind: CremaConfig
        metadata:
          name: crema-demo
        spec:
          pollingInterval: 1
          scaledObjects:
            - metadata:
                name: demo-workers
              spec:
                scaleTargetRef:
                  name: {{Pool}}
                minReplicaCount: 0
                maxReplicaCount: 10
                cooldownPeriod: 4
                triggers:
                  - type: prometheus
                    name: backlog
                    metadata:
                      serverAddress: {{queue.AbsoluteUri.TrimEnd('/')}}
                      query: demo_queue_backlog
                      threshold: "20"
                      activationThreshold: "0"
                advanced:
                  horizontalPodAutoscalerConfig:
                    behavior:
                      scaleUp:
                        stabilizationWindowSeconds: 0
                        policies: [{type: Percent, value: 300, periodSeconds: 1}, {type: Pods, value: 4, periodSeconds: 1}]
                      scaleDown:
                        stabilizationWindowSeconds: 3
                        policies: [{type: Percent, value: 50, periodSeconds: 1}]
        """;
}
