using System.Collections.Concurrent;
using System.Globalization;
using Crema.Abstractions;

namespace Crema.Tests.Daemon;

/// <summary>
/// A scaler whose value the test sets: trigger type <c>settable</c>, metadata <c>key</c> names the value,
/// <c>target</c> the target. A value of NaN makes the read fail, like a source that is down; an entry in
/// <see cref="Errors"/> makes it fail with that message; a key in <see cref="Hanging"/> makes reads hang
/// without looking at their cancellation token, until <see cref="HangRelease"/> completes. Every context a scaler is
/// built with is kept in <see cref="Contexts"/>; reads in flight are counted per instance and in all.
/// </summary>
internal sealed class SettableScalerFactory : ScalerFactory<(string Key, double Target)>
{
    public ConcurrentDictionary<string, double> Values { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, bool> Hanging { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<ScalerContext> Contexts { get; } = new();

    /// <summary>Completes when a read starts hanging.</summary>
    public TaskCompletionSource HangStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>When set, disposing a scaler never ends (a client whose close hangs).</summary>
    public bool HangDispose { get; set; }

    /// <summary>Completing it ends every hanging read (they then read as usual).</summary>
    public TaskCompletionSource HangRelease { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Built => built;

    public int Disposed => disposed;

    /// <summary>The most reads ever in flight at once on one scaler instance (IScaler promises 1).</summary>
    public int MaxReadsOnOneScaler => maxOnOne;

    /// <summary>The most reads ever in flight at once over every instance.</summary>
    public int MaxReadsInFlight => maxInFlight;

    /// <summary>Reads started on an instance already disposed.</summary>
    public int ReadsAfterDispose => readsAfterDispose;

    private int built;
    private int disposed;
    private int inFlight;
    private int maxInFlight;
    private int maxOnOne;
    private int readsAfterDispose;

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

    private static void RaiseTo(ref int max, int value)
    {
        for (var seen = Volatile.Read(ref max); value > seen; seen = Volatile.Read(ref max))
        {
            Interlocked.CompareExchange(ref max, value, seen);
        }
    }

    private sealed class Scaler(SettableScalerFactory factory, (string Key, double Target) metadata) : IScaler
    {
        private int inFlight;
        private int isDisposed;

        public async ValueTask<MetricReading> ReadAsync(CancellationToken cancellationToken)
        {
            if (Volatile.Read(ref isDisposed) != 0)
            {
                Interlocked.Increment(ref factory.readsAfterDispose);
            }
            RaiseTo(ref factory.maxOnOne, Interlocked.Increment(ref inFlight));
            RaiseTo(ref factory.maxInFlight, Interlocked.Increment(ref factory.inFlight));
            try
            {
                if (factory.Hanging.ContainsKey(metadata.Key) && !factory.HangRelease.Task.IsCompleted)
                {
                    factory.HangStarted.TrySetResult();
                    await factory.HangRelease.Task.ConfigureAwait(false);
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
                return factory.ToReading(metadata, value);
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
                Interlocked.Decrement(ref factory.inFlight);
            }
        }

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref isDisposed, 1) == 0)
            {
                Interlocked.Increment(ref factory.disposed);
            }
            return factory.HangDispose ? new ValueTask(new TaskCompletionSource().Task) : ValueTask.CompletedTask;
        }
    }

    internal static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
