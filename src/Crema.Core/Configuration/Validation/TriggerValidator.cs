namespace Crema.Core.Configuration.Validation;

/// <summary>
/// Triggers: at least one, unique names, known types, existing authentications, no useCachedMetrics where KEDA
/// refuses it (KEDA ValidateTriggers and more).
/// </summary>
internal sealed class TriggerValidator : IConfigValidator
{
    // scaletriggers_types.go ValidateTriggers: these scalers have no metric to cache.
    private static readonly string[] WithoutCachedMetrics = ["cpu", "memory", "cron"];

    public void Validate(ValidationContext context)
    {
        foreach (var (scaledObject, path) in context.ScaledObjects())
        {
            var triggersPath = path + ".spec.triggers";
            if (scaledObject.Spec.Triggers.Count == 0 && context.IsWritten(triggersPath))
            {
                context.Error(triggersPath, "at least one trigger is required");
            }
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (trigger, triggerPath, _) in ValidationContext.Triggers(scaledObject, path))
            {
                if (!string.IsNullOrEmpty(trigger.Name) && !names.TryAdd(trigger.Name, triggerPath))
                {
                    context.Error(triggerPath + ".name", $"trigger name \"{trigger.Name}\" is already used by {names[trigger.Name]}; trigger names must be unique within a scaled object");
                }
                CheckType(context, trigger, triggerPath);
                CheckAuthenticationRef(context, trigger, triggerPath);
                if (trigger.UseCachedMetrics && WithoutCachedMetrics.Contains(trigger.Type, StringComparer.Ordinal))
                {
                    context.Error(triggerPath + ".useCachedMetrics", $"property \"useCachedMetrics\" is not supported for \"{trigger.Type}\" scaler (KEDA)");
                }
            }
        }
    }

    private static void CheckType(ValidationContext context, Trigger trigger, string triggerPath)
    {
        if (trigger.Type.Length == 0 || context.Scalers.TryGet(trigger.Type, out _))
        {
            return;
        }
        var known = context.Scalers.KnownTypes;
        var external = context.Scalers.TryGet("external", out _)
            ? "; run any other scaler behind KEDA's external scaler protocol (type: external, see docs/scalers/external.md)"
            : string.Empty;
        if (KedaScalerTypes.Contains(trigger.Type))
        {
            context.Error(triggerPath + ".type", $"\"{trigger.Type}\" is a KEDA scaler Crema does not include; Crema's types: {string.Join(", ", known)}{external}");
            return;
        }
        var message = $"unknown trigger type \"{trigger.Type}\"; known types: {string.Join(", ", known)}";
        var suggestion = Binding.NameSuggester.Closest(trigger.Type, known);
        context.Error(triggerPath + ".type", (suggestion is null ? message : $"{message} (did you mean \"{suggestion}\"?)") + external);
    }

    private static void CheckAuthenticationRef(ValidationContext context, Trigger trigger, string triggerPath)
    {
        var name = trigger.AuthenticationRef?.Name;
        if (string.IsNullOrEmpty(name) || context.FindAuthentication(name) is not null)
        {
            return;
        }
        var defined = context.Config.Spec.TriggerAuthentications.Select(a => a.Metadata.Name).OfType<string>().ToList();
        var message = defined.Count == 0
            ? $"no triggerAuthentication named \"{name}\"; define it under spec.triggerAuthentications"
            : $"no triggerAuthentication named \"{name}\"; defined: {string.Join(", ", defined)}";
        var suggestion = Binding.NameSuggester.Closest(name, defined);
        context.Error(triggerPath + ".authenticationRef.name", suggestion is null ? message : $"{message} (did you mean \"{suggestion}\"?)");
    }
}
