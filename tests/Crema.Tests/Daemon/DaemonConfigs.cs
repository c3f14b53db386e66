namespace Crema.Tests.Daemon;

/// <summary>Config files used by the daemon tests.</summary>
internal static class DaemonConfigs
{
    public const string PoolA = "projects/e2e/locations/us-central1/workerPools/pool-a";
    public const string PoolB = "projects/e2e/locations/us-central1/workerPools/pool-b";
    public const string PoolC = "projects/e2e/locations/us-central1/workerPools/pool-c";

    public static string Settable(params (string Target, string Key, int Max)[] objects) => $$"""
        apiVersion: crema/v1
        kind: CremaConfig
        spec:
          pollingInterval: 1
          scaledObjects:
        {{string.Concat(objects.Select(o => $$"""
            - spec:
                scaleTargetRef: {name: {{o.Target}}}
                maxReplicaCount: {{o.Max}}
                cooldownPeriod: 10
                triggers:
                  - type: settable
                    name: {{o.Key}}
                    metadata: {key: {{o.Key}}, target: "1"}

        """))}}
        """;

    /// <summary>
    /// One scaled object (max 10 replicas, cooldown 30 s, polled every 5 s) with one named trigger; the
    /// shape every end-to-end test scales, so each test states only its trigger.
    /// </summary>
    public static string OneTrigger(string target, string type, string name, string metadataFlow) => $$"""
        apiVersion: crema/v1
        kind: CremaConfig
        spec:
          pollingInterval: 5
          scaledObjects:
            - spec:
                scaleTargetRef: {name: {{target}}}
                maxReplicaCount: 10
                cooldownPeriod: 30
                triggers:
                  - type: {{type}}
                    name: {{name}}
                    metadata: {{metadataFlow}}
        """;
}
