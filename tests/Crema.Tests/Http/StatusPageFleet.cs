using System.Globalization;
using System.Text;

namespace Crema.Tests.Http;

/// <summary>
/// A fleet of settable-trigger objects in every state the overview counts, for the browser test:
/// names w-0000.. in this order of groups, polled every 30 s (one history bucket), <see cref="Steps"/> times after the first poll.
/// </summary>
internal static class StatusPageFleet
{
    public const int Scaling = 3;
    public const int CantScale = 10;
    public const int Paused = 10;
    public const int Fallback = 15;
    public const int Error = 20;
    public const int Idle = 40;

    /// <summary>Of the active objects, the first ones ramp up one instance every fourth step (they have events and a rising chart).</summary>
    public const int Ramping = 50;

    /// <summary>Polls after the first one (30 s apart on the fake clock).</summary>
    public const int Steps = 16;

    /// <summary>
    /// The step at which the scaling group starts an update that takes an hour: late, so it is still in
    /// flight at the end without reaching the daemon's 5-minute bound on an update.
    /// </summary>
    public const int ScalingFromStep = Steps - 2;

    public static int Active(int total) => total - Scaling - CantScale - Paused - Fallback - Error - Idle;

    public static string Name(int i) => "w-" + i.ToString("0000", CultureInfo.InvariantCulture);

    public static string Target(int i) => "projects/fleet/locations/europe-west1/workerPools/" + Name(i);

    public static string GroupOf(int i) => i switch
    {
        < Scaling => "scaling",
        < Scaling + CantScale => "cant-scale",
        < Scaling + CantScale + Paused => "paused",
        < Scaling + CantScale + Paused + Fallback => "fallback",
        < Scaling + CantScale + Paused + Fallback + Error => "error",
        < Scaling + CantScale + Paused + Fallback + Error + Idle => "idle",
        < Scaling + CantScale + Paused + Fallback + Error + Idle + Ramping => "ramping",
        _ => "active",
    };

    /// <summary>Instances each target starts with in the emulator; can't-scale targets do not exist there (404).</summary>
    public static Dictionary<string, int> Targets(int total) => Enumerable.Range(0, total)
        .Where(i => GroupOf(i) != "cant-scale")
        .ToDictionary(Target, i => GroupOf(i) switch { "scaling" or "error" or "ramping" => 1, "paused" or "fallback" => 2, "idle" => 0, _ => 3 });

    /// <summary>The trigger value of object <paramref name="i"/> at step <paramref name="step"/>; NaN makes the read fail.</summary>
    public static double Value(int i, int step) => GroupOf(i) switch
    {
        "fallback" or "error" => double.NaN,
        "idle" => 0,
        "ramping" => 1 + (step / 4),
        "scaling" => step < ScalingFromStep ? 1 : 3,
        // Within the HPA's 10 % tolerance of 3 instances: the line moves, the count holds.
        _ => 3 + (0.25 * Math.Sin(step + i)),
    };

    public static string Yaml(int total)
    {
        var yaml = new StringBuilder("apiVersion: crema/v1\nkind: CremaConfig\nspec:\n  scaledObjects:\n");
        for (var i = 0; i < total; i++)
        {
            var group = GroupOf(i);
            yaml.Append("    - metadata:\n        name: ").Append(Name(i)).Append('\n');
            if (group == "paused")
            {
                yaml.Append("        annotations: {autoscaling.keda.sh/paused: \"true\"}\n");
            }
            yaml.Append("      spec:\n        scaleTargetRef: {name: ").Append(Target(i)).Append("}\n        maxReplicaCount: 10\n");
            if (group == "fallback")
            {
                yaml.Append("        fallback: {failureThreshold: 0, replicas: 2}\n");
            }
            yaml.Append("        triggers:\n          - {type: settable, name: queue, metadata: {key: ").Append(Name(i)).Append(", target: \"1\"}}\n");
        }
        return yaml.ToString();
    }
}
