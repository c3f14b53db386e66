namespace Crema.Core.Configuration.Validation;

/// <summary>Runs every rule family over a bound config.</summary>
internal static class ConfigValidator
{
    private static readonly IConfigValidator[] Validators =
    [
        new EmptyConfigValidator(),
        new ReplicaCountValidator(),
        new ScaleTargetValidator(),
        new ScaledObjectIdentityValidator(),
        new TriggerValidator(),
        new ResourceTriggerValidator(),
        new TriggerAuthenticationValidator(),
        new FallbackValidator(),
        new HpaBehaviorValidator(),
        new ScalingModifiersValidator(),
        new FormulaValidator(),
        new AnnotationsValidator(),
        new TriggerMetadataValidator(),
        new UnsupportedTriggerFeatureValidator(),
    ];

    public static void Validate(ValidationContext context)
    {
        foreach (var validator in Validators)
        {
            validator.Validate(context);
        }
    }
}
