namespace Crema.Core.Configuration.Validation;

/// <summary>Polling, cooldown and replica bounds, as KEDA's CRD and CheckReplicaCountBoundsAreValid.</summary>
internal sealed class ReplicaCountValidator : IConfigValidator
{
    public void Validate(ValidationContext context)
    {
        AtLeast(context, "spec.pollingInterval", context.Config.Spec.PollingInterval, 1, "seconds");
        foreach (var (scaledObject, path) in context.ScaledObjects())
        {
            var spec = scaledObject.Spec;
            var specPath = path + ".spec";
            AtLeast(context, specPath + ".pollingInterval", spec.PollingInterval, 1, "seconds");
            AtLeast(context, specPath + ".cooldownPeriod", spec.CooldownPeriod, 0, "seconds");
            AtLeast(context, specPath + ".initialCooldownPeriod", spec.InitialCooldownPeriod, 0, "seconds");
            var valid = AtLeast(context, specPath + ".idleReplicaCount", spec.IdleReplicaCount, 0, "replicas")
                & AtLeast(context, specPath + ".minReplicaCount", spec.MinReplicaCount, 0, "replicas")
                & AtLeast(context, specPath + ".maxReplicaCount", spec.MaxReplicaCount, 1, "replicas");
            if (valid)
            {
                CheckBounds(context, spec, specPath);
            }
        }
    }

    private static void CheckBounds(ValidationContext context, ScaledObjectSpec spec, string specPath)
    {
        var min = spec.MinReplicaCount ?? ScalingDefaults.MinReplicaCount;
        var max = spec.MaxReplicaCount ?? ScalingDefaults.MaxReplicaCount;
        if (min > max)
        {
            var at = spec.MinReplicaCount is not null ? ".minReplicaCount" : ".maxReplicaCount";
            var maxText = spec.MaxReplicaCount is null ? $"{ValidationContext.Text(max)}, the default" : ValidationContext.Text(max);
            context.Error(specPath + at, $"minReplicaCount ({ValidationContext.Text(min)}) must not exceed maxReplicaCount ({maxText})");
        }
        if (spec.IdleReplicaCount is { } idle && idle >= HpaMinimumForIdle(spec))
        {
            context.Error(specPath + ".idleReplicaCount", IdleMessage(idle, spec.MinReplicaCount));
        }
        else if (spec.IdleReplicaCount is > 0 and var positive)
        {
            // KEDA supports only 0: at a non-zero idle count the HPA raises the pool back to min each poll.
            context.Warning(specPath + ".idleReplicaCount",
                $"idleReplicaCount {ValidationContext.Text(positive)} will flap between idle and minReplicaCount (KEDA supports only 0)");
        }
    }

    /// <summary>
    /// KEDA's CheckReplicaCountBoundsAreValid compares idleReplicaCount with the HPA's minimum, max(minReplicaCount, 1),
    /// when minReplicaCount is written, and with 0 when it is not: so idle 0 needs minReplicaCount, even 0.
    /// </summary>
    private static int HpaMinimumForIdle(ScaledObjectSpec spec) => spec.MinReplicaCount is { } min ? Math.Max(min, 1) : 0;

    private static string IdleMessage(int idle, int? min)
    {
        var idleText = ValidationContext.Text(idle);
        return min switch
        {
            null => $"idleReplicaCount ({idleText}) must be less than minReplicaCount, which is 0 while unset; set minReplicaCount (KEDA compares with max(minReplicaCount, 1), so minReplicaCount: 0 allows idleReplicaCount: 0)",
            0 => $"idleReplicaCount ({idleText}) must be less than max(minReplicaCount, 1) = 1, the minimum KEDA gives the HPA; use idleReplicaCount: 0",
            _ => $"idleReplicaCount ({idleText}) must be less than minReplicaCount ({ValidationContext.Text(min.Value)}); raise minReplicaCount or remove idleReplicaCount",
        };
    }

    private static bool AtLeast(ValidationContext context, string path, int? value, int minimum, string unit)
    {
        if (value is { } v && v < minimum)
        {
            var name = path[(path.LastIndexOf('.') + 1)..];
            context.Error(path, minimum == 1 && unit == "replicas"
                ? $"{name} must be greater than 0, found {ValidationContext.Text(v)}"
                : $"{name} must be at least {ValidationContext.Text(minimum)} ({unit}), found {ValidationContext.Text(v)}");
            return false;
        }
        return true;
    }
}
