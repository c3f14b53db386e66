using System.Globalization;
using Crema.Abstractions;

namespace Crema.Core.Configuration;

/// <summary>Builds the <see cref="ScalerContext"/> of a trigger from the config, so every caller names triggers alike.</summary>
public static class TriggerContexts
{
    /// <summary>The trigger's name, or its index as text when unnamed (as traces and scalingModifiers refer to it).</summary>
    public static string KeyOf(Trigger trigger, int index) =>
        string.IsNullOrEmpty(trigger.Name) ? index.ToString(CultureInfo.InvariantCulture) : trigger.Name;

    /// <summary>The authentication a trigger refers to, or null.</summary>
    public static TriggerAuthentication? AuthenticationOf(CremaSpec spec, Trigger trigger) =>
        trigger.AuthenticationRef is { } reference
            ? spec.TriggerAuthentications.FirstOrDefault(a => a.Metadata.Name == reference.Name)
            : null;

    /// <summary>Every auth parameter name an authentication declares.</summary>
    public static IEnumerable<string> DeclaredParameters(TriggerAuthentication authentication) =>
        (authentication.Spec.GcpSecretManager?.Secrets.Select(s => s.Parameter) ?? [])
            .Concat(authentication.Spec.SecretTargetRef.Select(s => s.Parameter))
            .Concat(authentication.Spec.Env.Select(e => e.Parameter))
            .Concat(authentication.Spec.File.Select(f => f.Parameter));

    /// <summary>True when the authentication asks for the daemon's own Google identity.</summary>
    public static bool UsesPodIdentity(TriggerAuthentication? authentication) =>
        string.Equals(authentication?.Spec.PodIdentity?.Provider, "gcp", StringComparison.OrdinalIgnoreCase);

    /// <summary>A context for checking or interpreting a trigger without reading secrets or the environment.</summary>
    public static ScalerContext ForValidation(CremaSpec spec, ScaledObject scaledObject, int index)
    {
        var trigger = scaledObject.Spec.Triggers[index];
        return ForValidation(trigger, index, scaledObject.DisplayName, AuthenticationOf(spec, trigger)) with
        {
            ScaleTargetName = scaledObject.Spec.ScaleTargetRef.Name,
        };
    }

    /// <summary>
    /// The same, from parts: the validator uses it while a config may still be incomplete. Declared auth
    /// parameters are present with empty values, so scalers check their presence, not their content.
    /// </summary>
    public static ScalerContext ForValidation(Trigger trigger, int index, string scaledObjectName, TriggerAuthentication? authentication)
    {
        var parameters = authentication is null
            ? new Dictionary<string, string>()
            : DeclaredParameters(authentication).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal)
                .ToDictionary(p => p, _ => string.Empty, StringComparer.Ordinal);
        return Context(trigger, index, scaledObjectName, parameters, authentication) with { ValidationOnly = true };
    }

    /// <summary>A context for building a live scaler with resolved auth parameters.</summary>
    public static ScalerContext Live(ScaledObject scaledObject, int index, IReadOnlyDictionary<string, string> authParams, TriggerAuthentication? authentication) =>
        Context(scaledObject.Spec.Triggers[index], index, scaledObject.DisplayName, authParams, authentication) with
        {
            ScaleTargetName = scaledObject.Spec.ScaleTargetRef.Name,
        };

    private static ScalerContext Context(Trigger trigger, int index, string scaledObjectName, IReadOnlyDictionary<string, string> authParams, TriggerAuthentication? authentication) => new()
    {
        TriggerType = trigger.Type,
        TriggerName = KeyOf(trigger, index),
        ScaledObjectName = scaledObjectName,
        Metadata = trigger.Metadata,
        AuthParams = authParams,
        MetricType = trigger.MetricType ?? MetricType.AverageValue,
        UsePodIdentity = UsesPodIdentity(authentication),
    };
}
