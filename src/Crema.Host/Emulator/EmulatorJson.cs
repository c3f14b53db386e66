using System.Globalization;
using System.Text.Json.Nodes;
using Crema.Google.CloudRun;

namespace Crema.Host.Emulator;

/// <summary>Renders WorkerPool, Service, Operation and error JSON in the Cloud Run Admin API v2 shapes.</summary>
internal static class EmulatorJson
{
    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static EmulatorReply Error(int code, string status, string message) =>
        new(code, new JsonObject
        {
            ["error"] = new JsonObject { ["code"] = code, ["message"] = message, ["status"] = status },
        }.ToJsonString());

    public static JsonObject Resource(EmulatedTarget target)
    {
        var workerPool = target.Name.Kind == CloudRunTargetKind.WorkerPool;
        var revision = $"{target.Name.Name}/revisions/{target.Name.Id}-00001-emu";
        var state = target.Reconciling ? "CONDITION_RECONCILING" : "CONDITION_SUCCEEDED";
        var updated = Time(target.UpdateTime);
        var resource = new JsonObject
        {
            ["name"] = target.Name.Name,
            ["uid"] = target.Uid,
            ["generation"] = target.Generation.ToString(CultureInfo.InvariantCulture),
            ["createTime"] = Time(target.CreateTime),
            ["updateTime"] = updated,
            ["creator"] = "emulator@crema.local",
            ["lastModifier"] = "emulator@crema.local",
            ["launchStage"] = "GA",
            ["template"] = new JsonObject
            {
                ["containers"] = new JsonArray(new JsonObject
                {
                    ["image"] = workerPool ? "us-docker.pkg.dev/cloudrun/container/worker-pool" : "us-docker.pkg.dev/cloudrun/container/hello",
                }),
            },
            [workerPool ? "instanceSplits" : "traffic"] = Split(workerPool),
            ["scaling"] = workerPool
                ? new JsonObject { ["manualInstanceCount"] = target.InstanceCount }
                : new JsonObject { ["scalingMode"] = target.ScalingMode, ["manualInstanceCount"] = target.InstanceCount },
            ["observedGeneration"] = target.ObservedGeneration.ToString(CultureInfo.InvariantCulture),
            ["terminalCondition"] = new JsonObject
            {
                ["type"] = "Ready",
                ["state"] = state,
                ["lastTransitionTime"] = updated,
            },
            ["conditions"] = new JsonArray(new JsonObject
            {
                ["type"] = workerPool ? "InstanceSplitsReady" : "RoutesReady",
                ["state"] = state,
                ["lastTransitionTime"] = updated,
            }),
            ["latestReadyRevision"] = revision,
            ["latestCreatedRevision"] = revision,
            [workerPool ? "instanceSplitStatuses" : "trafficStatuses"] = Split(workerPool),
            ["reconciling"] = target.Reconciling,
            ["etag"] = target.Etag,
        };
        if (!workerPool)
        {
            resource["ingress"] = "INGRESS_TRAFFIC_ALL";
            resource["uri"] = $"https://{target.Name.Id}-emulator.a.run.app";
        }

        return resource;
    }

    public static EmulatorReply Operation(EmulatedOperation operation)
    {
        var resource = Resource(operation.Target);
        var type = operation.Target.Name.Kind == CloudRunTargetKind.WorkerPool
            ? "type.googleapis.com/google.cloud.run.v2.WorkerPool"
            : "type.googleapis.com/google.cloud.run.v2.Service";
        var metadata = (JsonObject)resource.DeepClone();
        metadata.Insert(0, "@type", type);
        var body = new JsonObject { ["name"] = operation.Name, ["metadata"] = metadata, ["done"] = operation.Done };
        if (operation.Done && operation.Error is not null)
        {
            body["error"] = new JsonObject { ["code"] = 9, ["message"] = operation.Error };
        }
        else if (operation.Done)
        {
            resource.Insert(0, "@type", type);
            body["response"] = resource;
        }

        return new EmulatorReply(200, body.ToJsonString());
    }

    private static JsonArray Split(bool workerPool) => new(new JsonObject
    {
        ["type"] = workerPool ? "INSTANCE_SPLIT_ALLOCATION_TYPE_LATEST" : "TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST",
        ["percent"] = 100,
    });
}
