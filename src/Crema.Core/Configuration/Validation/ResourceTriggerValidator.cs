using Crema.Abstractions;

namespace Crema.Core.Configuration.Validation;

/// <summary>
/// The <c>cpu</c> and <c>memory</c> triggers: KEDA's metricType rule (cpu_memory_scaler.go parseResourceMetadata: only
/// Utilization or AverageValue, and one must be given) narrowed to what Cloud Run can measure, and the webhook's
/// verifyCPUMemoryScalers rule that an object with only resource triggers cannot scale to zero (their useCachedMetrics
/// refusal is in <see cref="TriggerValidator"/>, with cron's).
/// </summary>
internal sealed class ResourceTriggerValidator : IConfigValidator
{
    public void Validate(ValidationContext context)
    {
        foreach (var (scaledObject, path) in context.ScaledObjects())
        {
            var triggers = scaledObject.Spec.Triggers;
            foreach (var (trigger, triggerPath, _) in ValidationContext.Triggers(scaledObject, path))
            {
                if (!ResourceTriggers.IsResource(trigger.Type))
                {
                    continue;
                }
                if (!context.BindingFailedAt(triggerPath + ".metricType"))
                {
                    CheckMetricType(context, trigger, triggerPath);
                }
            }
            if (triggers.Count > 0 && triggers.All(t => ResourceTriggers.IsResource(t.Type)) && (scaledObject.Spec.MinReplicaCount ?? 0) == 0)
            {
                var at = path + ".spec" + (scaledObject.Spec.MinReplicaCount is null ? string.Empty : ".minReplicaCount");
                context.Error(at,
                    "the scaled object has only cpu/memory triggers and minReplicaCount is 0: it could never scale from zero " +
                    "(no instance reports utilization; KEDA: \"scaledobject has only cpu/memory triggers AND minReplica is 0\"); " +
                    "set minReplicaCount to 1 or more, or add a trigger that is not cpu or memory");
            }
        }
    }

    private static void CheckMetricType(ValidationContext context, Trigger trigger, string triggerPath)
    {
        var what = trigger.Type == "cpu" ? "CPU" : "memory";
        switch (trigger.MetricType)
        {
            case null:
                context.Error(triggerPath,
                    $"a {trigger.Type} trigger needs metricType: Utilization (KEDA has no default for it); value is then the target average " +
                    $"{what} utilization across instances, in percent of each instance's {what} limit");
                break;
            case MetricType.AverageValue:
                context.Error(triggerPath + ".metricType",
                    $"AverageValue is not available on Cloud Run: it targets an absolute {what} usage per instance ({(trigger.Type == "cpu" ? "cores" : "bytes")}), " +
                    $"and Cloud Monitoring publishes only utilization, a fraction of each instance's limit (run.googleapis.com/container/{trigger.Type}/utilizations); " +
                    $"use metricType: Utilization with value = that usage as a percent of the limit (for example 500m of a 1 CPU limit is value: \"50\")");
                break;
            case MetricType.Value:
                context.Error(triggerPath + ".metricType",
                    $"{trigger.Type} triggers allow metricType Utilization or AverageValue (KEDA), and on Cloud Run only Utilization; found Value");
                break;
        }
    }
}
