namespace Crema.Abstractions;

/// <summary>
/// Base class for a factory whose scaler binds its metadata into a typed record with the shared
/// <see cref="MetadataBinder"/>. Validation and creation run the same binding code, so a config
/// that validates builds.
/// </summary>
/// <typeparam name="TMetadata">The scaler's typed metadata.</typeparam>
public abstract class ScalerFactory<TMetadata> : IScalerFactory
{
    /// <inheritdoc />
    public abstract string Type { get; }

    /// <inheritdoc />
    public virtual IReadOnlyList<string> Aliases => [];

    /// <inheritdoc />
    public abstract string Description { get; }

    /// <inheritdoc />
    public virtual string DocumentationPage => Type;

    /// <summary>Reads every field through the binder. Report problems with the binder's methods.</summary>
    protected abstract TMetadata Bind(MetadataBinder binder);

    /// <summary>Builds the scaler from metadata that bound without errors.</summary>
    protected abstract IScaler Create(TMetadata metadata, ScalerContext context);

    /// <summary>
    /// The reading for a raw value: the scaler's target and activation rule. Live scalers should call
    /// this too, so simulation and production share one rule. Default: not supported.
    /// </summary>
    protected virtual MetricReading ToReading(TMetadata metadata, double value) =>
        throw new NotSupportedException($"Trigger type '{Type}' cannot be simulated.");

    /// <inheritdoc />
    public MetricReading Interpret(ScalerContext context, double value)
    {
        var binder = new MetadataBinder(context);
        var metadata = Bind(binder);
        if (binder.Errors.Count > 0)
        {
            throw new ScalerConfigurationException(Type, binder.Errors);
        }
        return ToReading(metadata, value);
    }

    /// <inheritdoc />
    public ScalerValidation Validate(ScalerContext context)
    {
        var binder = new MetadataBinder(context);
        Bind(binder);
        return new ScalerValidation(binder.Errors, binder.UnknownKeys()) { KnownKeys = binder.KnownKeys(), Warnings = binder.Warnings };
    }

    /// <inheritdoc />
    public IScaler Create(ScalerContext context)
    {
        var binder = new MetadataBinder(context);
        var metadata = Bind(binder);
        if (binder.Errors.Count > 0)
        {
            throw new ScalerConfigurationException(Type, binder.Errors);
        }
        return Create(metadata, context);
    }

    /// <summary>Binds metadata for tests and tools; returns the typed record and every error.</summary>
    public (TMetadata Metadata, IReadOnlyList<MetadataError> Errors) BindForTest(ScalerContext context)
    {
        var binder = new MetadataBinder(context);
        var metadata = Bind(binder);
        return (metadata, binder.Errors);
    }
}
