using Crema.Abstractions;

namespace Crema.Scalers.RabbitMq;

/// <summary>
/// KEDA's validateTrigger: <c>mode</c> with <c>value</c>, or the deprecated <c>queueLength</c> alone, or
/// nothing (QueueLength with a target of 20). As in KEDA a value of 0 counts as not given.
/// </summary>
internal static class RabbitMqModeRules
{
    public static (RabbitMqMode Mode, double Value) Bind(MetadataBinder binder)
    {
        var modeText = binder.String(RabbitMqKeys.Mode);
        var modeGiven = binder.Has(RabbitMqKeys.Mode);
        var queueLength = binder.Double(RabbitMqKeys.QueueLength);
        var errorsBefore = binder.Errors.Count;
        var value = binder.Double(RabbitMqKeys.Value);
        var valueUnreadable = binder.Errors.Count > errorsBefore;
        var mode = modeText is null ? RabbitMqMode.QueueLength : RabbitMqModes.Parse(modeText);

        if (queueLength == 0 && !modeGiven && value == 0)
        {
            return (RabbitMqMode.QueueLength, RabbitMqMetadata.DefaultValue);
        }
        if (queueLength != 0)
        {
            if (modeGiven || value != 0)
            {
                binder.Fail(RabbitMqKeys.QueueLength.Name, "cannot be combined with mode or value: it is deprecated, use mode: QueueLength and value");
                return (mode, RabbitMqMetadata.DefaultValue);
            }
            return (RabbitMqMode.QueueLength, Positive(binder, RabbitMqKeys.QueueLength, queueLength));
        }
        if (!modeGiven)
        {
            binder.Fail(RabbitMqKeys.Mode.Name, $"is required when value is given (one of: {string.Join(", ", RabbitMqModes.Names)})");
            return (mode, value);
        }
        if (value == 0)
        {
            if (!valueUnreadable)
            {
                binder.Fail(RabbitMqKeys.Value.Name, "is required when mode is given (a number other than 0)");
            }
            return (mode, RabbitMqMetadata.DefaultValue);
        }
        return (mode, Positive(binder, RabbitMqKeys.Value, value));
    }

    /// <summary>KEDA passes a negative target on to the HPA, which rejects it; Crema says so at once.</summary>
    private static double Positive(MetadataBinder binder, MetadataKey key, double value)
    {
        if (value > 0)
        {
            return value;
        }
        binder.Fail(key.Name, $"must be > 0, found {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        return RabbitMqMetadata.DefaultValue;
    }
}
