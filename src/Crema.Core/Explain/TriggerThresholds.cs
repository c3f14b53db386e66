using Crema.Abstractions;

namespace Crema.Core.Explain;

/// <summary>
/// A trigger's target and activation rule, read off the scaler's own <see cref="IScalerFactory.Interpret"/> so
/// that what <c>crema explain</c> says is the rule the daemon applies, not a second description of it.
/// </summary>
/// <param name="Target">The target the value is compared with.</param>
/// <param name="Activation">"value &gt; 5", "value &gt;= 1": when the trigger counts as active.</param>
/// <param name="ActiveAbove">The threshold of a "value &gt; X" rule; null for the other forms.</param>
internal sealed record TriggerThresholds(double Target, string Activation, double? ActiveAbove)
{
    /// <summary>Null when the scaler cannot say without its source (external scalers) or its metadata does not bind.</summary>
    public static TriggerThresholds? Probe(IScalerFactory factory, ScalerContext context)
    {
        try
        {
            var target = factory.Interpret(context, 0).Target;
            var (activation, above) = FindActivation(value => factory.Interpret(context, value).IsActive);
            return new TriggerThresholds(target, activation, above);
        }
        catch (Exception e) when (e is NotSupportedException or ScalerConfigurationException)
        {
            return null;
        }
    }

    /// <summary>
    /// Finds where a monotonic activity rule switches on, exactly: non-negative doubles order like their bit
    /// patterns, so a binary search over the bits ends on the last inactive and the first active value.
    /// </summary>
    internal static string ActivationRule(Func<double, bool> isActive) => FindActivation(isActive).Text;

    private static (string Text, double? Above) FindActivation(Func<double, bool> isActive)
    {
        if (isActive(0))
        {
            return ("always", null);
        }
        var ceiling = BitConverter.DoubleToInt64Bits(1e15);
        if (!isActive(1e15))
        {
            return ("never (no value up to 1e15 activates it)", null);
        }
        long inactive = 0, active = ceiling;
        while (active - inactive > 1)
        {
            var middle = inactive + ((active - inactive) / 2);
            if (isActive(BitConverter.Int64BitsToDouble(middle)))
            {
                active = middle;
            }
            else
            {
                inactive = middle;
            }
        }
        var threshold = BitConverter.Int64BitsToDouble(inactive);
        var (lastInactive, firstActive) = (Number(threshold), Number(BitConverter.Int64BitsToDouble(active)));
        // "value > 5" when 5 is the round number; "value >= 1" when the first active value is.
        return firstActive.Length < lastInactive.Length ? ($"value >= {firstActive}", null) : ($"value > {lastInactive}", threshold);
    }

    internal static string Number(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
