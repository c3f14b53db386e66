namespace Crema.Abstractions;

/// <summary>
/// Builds scalers of one trigger type. Register one instance per type in the scaler catalog.
/// Most implementations derive from <see cref="ScalerFactory{TMetadata}"/>.
/// </summary>
public interface IScalerFactory
{
    /// <summary>The trigger type (for example <c>prometheus</c>).</summary>
    string Type { get; }

    /// <summary>Other names accepted for the same type (for example <c>apache-kafka</c>). Default: none.</summary>
    IReadOnlyList<string> Aliases { get; }

    /// <summary>What the source is, in a few words, for <c>crema scalers</c> (for example "a PromQL instant query").</summary>
    string Description { get; }

    /// <summary>The name of the scaler's page under <c>docs/scalers/</c>, without <c>.md</c>. Default: the type.</summary>
    string DocumentationPage => Type;

    /// <summary>
    /// Checks the trigger's metadata without touching the network. Returns every error, and the
    /// metadata keys the scaler does not know (tolerated, reported as warnings).
    /// </summary>
    ScalerValidation Validate(ScalerContext context);

    /// <summary>Builds a live scaler. Throws <see cref="ScalerConfigurationException"/> on bad metadata.</summary>
    IScaler Create(ScalerContext context);

    /// <summary>
    /// The reading this scaler would return for a raw metric value (its target and activation rule),
    /// used by <c>crema simulate</c> to replay recorded traces without contacting the source.
    /// </summary>
    MetricReading Interpret(ScalerContext context, double value) =>
        throw new NotSupportedException($"Trigger type '{Type}' cannot be simulated.");
}
