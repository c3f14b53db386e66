using System.Collections.Concurrent;
using System.Globalization;
using Crema.Abstractions;

namespace Crema.Tests.Daemon;

/// <summary>
/// A scaler whose value the test sets: trigger type <c>settable</c>, metadata <c>key</c> names the value,
/// <c>target</c> the target. A value of NaN makes the read fail, like a source that is down.
/// </summary>
internal sealed class SettableScalerFactory : ScalerFactory<(string Key, double Target)>
{
    public ConcurrentDictionary<string, double> Values { get; } = new(StringComparer.Ordinal);

    public int Built => built;

    private int built;

    public override string Type => "settable";

    protected override (string Key, double Target) Bind(MetadataBinder binder) =>
        (binder.RequiredString("key"), binder.Double("target", 1, min: 0, minExclusive: true));

    protected override MetricReading ToReading((string Key, double Target) metadata, double value) => new(value, metadata.Target, value > 0);

    protected override IScaler Create((string Key, double Target) metadata, ScalerContext context)
    {
        Interlocked.Increment(ref built);
        return new Scaler(this, metadata);
    }

    private sealed class Scaler(SettableScalerFactory factory, (string Key, double Target) metadata) : IScaler
    {
        public ValueTask<MetricReading> ReadAsync(CancellationToken cancellationToken)
        {
            var value = factory.Values.GetValueOrDefault(metadata.Key);
            if (double.IsNaN(value))
            {
                throw new InvalidOperationException($"source {metadata.Key} is down");
            }
            return ValueTask.FromResult(factory.ToReading(metadata, value));
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    internal static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
