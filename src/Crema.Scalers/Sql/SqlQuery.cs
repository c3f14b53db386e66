using Crema.Abstractions;

namespace Crema.Scalers.Sql;

/// <summary>
/// The query of a <c>postgresql</c> or <c>mysql</c> trigger and the two figures its result is judged by
/// (KEDA's targetQueryValue / queryValue and their activation twins).
/// </summary>
/// <param name="Text">The SQL run each poll; its first row's only column is the value. Required.</param>
/// <param name="Target">Target value per replica (AverageValue) or in total (Value); &gt; 0. Required.</param>
/// <param name="ActivationTarget">Active while the value is above this. Default 0.</param>
internal sealed record SqlQuery(string Text, double Target, double ActivationTarget)
{
    /// <summary>The reading for a result: compared with the target, active above the activation target (KEDA).</summary>
    public MetricReading ToReading(double value) => new(value, Target, value > ActivationTarget);
}
