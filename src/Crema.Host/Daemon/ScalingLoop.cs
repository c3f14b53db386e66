using Crema.Core.Configuration;
using Crema.Core.Engine;
using Microsoft.Extensions.Logging;

namespace Crema.Host.Daemon;

/// <summary>
/// The independent loop of one scaled object: read every trigger, decide with the engine, apply the
/// decision to Cloud Run when it differs from the current count, then wait for the polling interval
/// (or a push). A slow source or a slow Cloud Run operation here never delays another object's loop.
/// </summary>
internal sealed partial class ScalingLoop : IAsyncDisposable
{
    private readonly LoopServices services;
    private readonly ScaledObject scaledObject;
    private readonly TriggerSet triggers;
    private readonly TargetInstances instances;
    private readonly TimeSpan interval;
    private readonly ILogger logger;
    private readonly LoopWake wake = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly HashSet<string> pushed = new(StringComparer.Ordinal);
    private Task? running;
    private bool seeded;
    private readonly Dictionary<string, string?> lastTriggerErrors = new(StringComparer.Ordinal);

    public ScalingLoop(LoopServices services, CremaSpec spec, ScaledObject scaledObject)
    {
        this.services = services;
        this.scaledObject = scaledObject;
        interval = TimeSpan.FromSeconds(Math.Max(1, scaledObject.Spec.PollingInterval ?? spec.PollingInterval ?? ScalingDefaults.PollingIntervalSeconds));
        logger = services.Logging.CreateLogger("Crema.ScalingLoop");
        var readTimeout = TimeSpan.FromSeconds(Math.Clamp(interval.TotalSeconds, 10, 60));
        triggers = new TriggerSet(services, spec, scaledObject, readTimeout);
        triggers.PushedActive += key =>
        {
            lock (pushed)
            {
                pushed.Add(key);
            }
            wake.Signal();
        };
        instances = new TargetInstances(services, scaledObject.Spec.ScaleTargetRef.Name, Name, interval, logger);
        services.WriteGate.BecameWriter += OnBecameWriter;
        // Before the first poll ends (it may wait for a slow source or Secret Manager), /status shows the object's own settings.
        Publish(new Status.ObjectStatus
        {
            Name = Name,
            Target = Target,
            PollingIntervalSeconds = interval.TotalSeconds,
            MinReplicas = scaledObject.Spec.MinReplicaCount ?? ScalingDefaults.MinReplicaCount,
            MaxReplicas = scaledObject.Spec.MaxReplicaCount ?? ScalingDefaults.MaxReplicaCount,
            IdleReplicas = scaledObject.Spec.IdleReplicaCount,
            Pause = Status.PauseStatus.Of(scaledObject.Metadata?.Annotations),
        });
    }

    public string Name => scaledObject.DisplayName;

    public string Target => scaledObject.Spec.ScaleTargetRef.Name;

    public void Start() => running = Task.Run(() => RunAsync(stopping.Token));

    /// <summary>Stops polling; an update in flight is waited for within the shutdown grace (see <see cref="ShutdownGrace"/>).</summary>
    public async ValueTask DisposeAsync()
    {
        services.WriteGate.BecameWriter -= OnBecameWriter;
        await stopping.CancelAsync().ConfigureAwait(false);
        if (running is not null)
        {
            await running.ConfigureAwait(false);
        }
        await triggers.DisposeAsync().ConfigureAwait(false);
        stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken ct)
    {
        var state = ScalingState.Initial(services.Time.GetUtcNow());
        var wait = services.Jitter.FirstWait(interval);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                state = await PollAsync(state, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A bug in one poll must not end the loop; the next poll starts fresh from Cloud Run's count.
                LogPollFailed(logger, Name, ErrorText.Of(e));
                instances.Forget();
            }
            await WaitAsync(wait, ct).ConfigureAwait(false);
            wait = services.Jitter.NextWait(interval);
        }
    }

    // A daemon that has just taken the lease over polls (and writes) at once, not an interval later.
    private void OnBecameWriter() => wake.Signal();

    private Task WaitAsync(TimeSpan wait, CancellationToken ct) => wake.WaitAsync(wait, services.Time, ct);
}
