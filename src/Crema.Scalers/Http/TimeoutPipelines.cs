using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Polly;
using Polly.Timeout;

namespace Crema.Scalers.Http;

/// <summary>
/// One Polly timeout pipeline per (clock, timeout), shared by every <see cref="HttpSource"/>: a pipeline is stateless
/// and thread-safe, and one per scaler was about 400 bytes for each of 10,000 triggers.
/// </summary>
internal static class TimeoutPipelines
{
    private static readonly ConditionalWeakTable<TimeProvider, ConcurrentDictionary<TimeSpan, ResiliencePipeline>> Pipelines = new();

    public static ResiliencePipeline For(TimeProvider time, TimeSpan timeout) =>
        Pipelines.GetValue(time, _ => new ConcurrentDictionary<TimeSpan, ResiliencePipeline>())
            .GetOrAdd(timeout, (t, clock) => new ResiliencePipelineBuilder { TimeProvider = clock }
                .AddTimeout(new TimeoutStrategyOptions { Timeout = t })
                .Build(), time);
}
