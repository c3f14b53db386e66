using System.Diagnostics.CodeAnalysis;
using Crema.Abstractions;
using Crema.Core.Configuration.Binding;
using Crema.Core.Configuration.Reporting;

namespace Crema.Core.Configuration.Validation;

/// <summary>Hands each trigger's metadata to its scaler factory and maps the factory's findings back to YAML nodes.</summary>
internal sealed class TriggerMetadataValidator : IConfigValidator
{
    public void Validate(ValidationContext context)
    {
        foreach (var (scaledObject, path) in context.ScaledObjects())
        {
            foreach (var (trigger, triggerPath, index) in ValidationContext.Triggers(scaledObject, path))
            {
                if (trigger.Type.Length > 0 && context.Scalers.TryGet(trigger.Type, out var factory))
                {
                    Report(context, trigger, triggerPath, Run(context, factory, trigger, index, scaledObject));
                }
            }
        }
    }

    private static ScalerContext BuildContext(ValidationContext context, Trigger trigger, int index, ScaledObject scaledObject)
    {
        var authentication = trigger.AuthenticationRef is { } reference ? context.FindAuthentication(reference.Name) : null;
        var validation = TriggerContexts.ForValidation(trigger, index, ValidationContext.DisplayName(scaledObject), authentication) with
        {
            ScaleTargetName = scaledObject.Spec.ScaleTargetRef?.Name,
        };
        return context.DaemonEnvironment is { } environment
            ? validation with { EnvironmentVisible = true, Environment = environment }
            : validation;
    }

    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "A faulty scaler plugin must not break config loading; its failure is reported as a config error.")]
    private static ScalerValidation Run(ValidationContext context, IScalerFactory factory, Trigger trigger, int index, ScaledObject scaledObject)
    {
        try
        {
            return factory.Validate(BuildContext(context, trigger, index, scaledObject));
        }
        catch (Exception ex)
        {
            return new ScalerValidation([new MetadataError(string.Empty, $"the {trigger.Type} scaler failed to validate its metadata: {ex.Message}")], []);
        }
    }

    private static void Report(ValidationContext context, Trigger trigger, string triggerPath, ScalerValidation validation)
    {
        var metadataPath = triggerPath + ".metadata";
        // A reference to no triggerAuthentication is reported by TriggerValidator; the parameters it would
        // have provided are then missing only as a consequence, so they are not reported again.
        var unresolvedRef = trigger.AuthenticationRef is { } reference && context.FindAuthentication(reference.Name) is null;
        foreach (var error in validation.Errors)
        {
            if (error.Source == MetadataSource.AuthParams)
            {
                if (trigger.AuthenticationRef is null)
                {
                    var what = error.Message.EndsWith(MetadataError.AuthenticationRefHint, StringComparison.Ordinal)
                        ? error.Message[..^MetadataError.AuthenticationRefHint.Length]
                        : error.Message;
                    context.Error(triggerPath, $"parameter \"{error.Key}\" {what}; the trigger has no authenticationRef; add one whose triggerAuthentication provides {error.Key}");
                }
                else if (!unresolvedRef)
                {
                    context.Error(triggerPath + ".authenticationRef", $"parameter \"{error.Key}\" {error.Message}");
                }
            }
            else
            {
                context.Error(error.Key.Length == 0 ? metadataPath : ConfigPath.Field(metadataPath, error.Key), error.Message);
            }
        }
        foreach (var warning in validation.Warnings)
        {
            var at = warning.Source == MetadataSource.AuthParams && trigger.AuthenticationRef is not null
                ? triggerPath + ".authenticationRef"
                : ConfigPath.Field(metadataPath, warning.Key);
            context.Warning(at, warning.Source == MetadataSource.AuthParams ? $"parameter \"{warning.Key}\" {warning.Message}" : warning.Message);
        }
        foreach (var key in validation.UnknownKeys.Where(k => !UnsupportedTriggerFeatureValidator.Covers(trigger.Type, k)))
        {
            var message = $"unknown metadata key \"{key}\" is ignored";
            var suggestion = SuggestKey(key, validation.KnownKeys);
            context.Warning(ConfigPath.Field(metadataPath, key), suggestion is null ? message : $"{message}; did you mean \"{suggestion}\"?");
        }
    }

    /// <summary>The key the scaler reads that <paramref name="key"/> most likely meant; a misspelled <c>xFromEnv</c> maps to its twin.</summary>
    private static string? SuggestKey(string key, IReadOnlyList<string> known)
    {
        const string fromEnv = "FromEnv";
        if (key.Length > fromEnv.Length && key.EndsWith(fromEnv, StringComparison.Ordinal)
            && NameSuggester.Closest(key[..^fromEnv.Length], known) is { } twin)
        {
            return twin + fromEnv;
        }
        return NameSuggester.Closest(key, known);
    }
}
