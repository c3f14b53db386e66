using System.Collections.Concurrent;
using System.Globalization;
using Crema.Abstractions;

namespace Crema.Tests.Daemon;

/// <summary>
/// A scaler whose value the test sets: trigger type <c>settable</c>, metadata <c>key</c> names the value,
/// <c>target</c> the target. A value of NaN makes the read fail, like a source that is down; an entry in
/// <see cref="Errors"/> makes it fail with that message; a key in <see cref="Hanging"/> makes reads hang
/// without looking at their cancellation token. Every context a scaler is built with is kept in <see cref="Contexts"/>.
/// </summary>
internal sealed class SettableScalerFactory : ScalerFactory<(string Key, double Target)>
{
    public ConcurrentDictionary<string, double> Values { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, bool> Hanging { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<ScalerContext> Contexts { get; } = new();

    /// <summary>Completes when a read starts hanging.</summary>
    public TaskCompletionSource HangStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Built => built;

    private int built;

    public override string Type => "settable";

    public override string Description => "a value the test sets";

    protected override (string Key, double Target) Bind(MetadataBinder binder) =>
        (binder.RequiredString("key"), binder.Double("target", 1, min: 0, minExclusive: true));

    protected override MetricReading ToReading((string Key, double Target) metadata, double value) => new(value, metadata.Target, value > 0);

    protected override IScaler Create((string Key, double Target) metadata, ScalerContext context)
    {
        Contexts.Enqueue(context);
        Interlocked.Increment(ref built);
        return new Scaler(this, metadata);
    }

    private sealed class Scaler(SettableScalerFactory factory, (string Key, double Target) metadata) : IScaler
    {
        private static readonly TaskCompletionSource<MetricReading> Never = new();

        public ValueTask<MetricReading> ReadAsync(CancellationToken cancellationToken)
        {
            if (factory.Hanging.ContainsKey(metadata.Key))
            {
                factory.HangStarted.TrySetResult();
                return new ValueTask<MetricReading>(Never.Task);
            }
            if (factory.Errors.TryGetValue(metadata.Key, out var error))
            {
                throw new InvalidOperationException(error);
            }
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
