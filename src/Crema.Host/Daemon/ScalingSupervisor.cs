using System.Runtime;
using System.Security.Cryptography;
using System.Text.Json;
using Crema.Core.Configuration;
using Crema.Host.ConfigSources;
using Crema.Host.Status;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Crema.Host.Daemon;

/// <summary>
/// Runs one <see cref="ScalingLoop"/> per scaled object and keeps them in step with the config source:
/// a valid change restarts only the objects whose settings changed; an invalid change is reported on
/// /status and in logs, and the last good config keeps running.
/// </summary>
internal sealed partial class ScalingSupervisor(LoopServices services, IConfigSource source, ConfigDigest initialDigest, InitialConfig initialConfig) : BackgroundService
{
    /// <summary>
    /// A config at least this large (about 1,600 scaled objects of one trigger) is followed by one compacting collection once applied:
    /// loading it leaves tens of megabytes of parse garbage, much of it on the large object heap, which is otherwise
    /// kept (and resident) until memory runs short.
    /// </summary>
    internal const long CompactAfterBytes = 1024 * 1024;

    private readonly Dictionary<string, (string Fingerprint, ScalingLoop Loop)> loops = new(StringComparer.Ordinal);
    private readonly ILogger logger = services.Logging.CreateLogger("Crema.Supervisor");

    // Serialises changes to the loops: a reload still stopping loops (an update can take minutes) when
    // the host gives up waiting for ExecuteAsync must not race StopAsync, nor start loops after it.
    private readonly SemaphoreSlim loopsGate = new(1, 1);
    private readonly HashSet<string> running = new(StringComparer.Ordinal);
    private bool stopped;
    // Only the digest of the running config is kept: the file of 10,000 objects is 6.5 MB, 13 MB as a string.
    private ConfigDigest lastDigest = initialDigest;
    // The last reload refused: its message (logged once) and its result ("invalid", "unreadable").
    private (string Message, string Result)? lastRejection;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await ApplyAsync(initialConfig.Take(), lastDigest).ConfigureAwait(false);
        services.Status.Ready = true;
        if (source.PollInterval is not { } interval)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, services.Time, stoppingToken).ConfigureAwait(false);
                await ReloadAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // An exception leaving ExecuteAsync would stop the host: the running loops keep going instead.
                RejectReload($"reload from {source.Description} failed: {ErrorText.Of(e)}", "failed");
            }
        }
    }

    /// <summary>Stops every loop, within the shutdown grace: what still runs when it is over is left behind.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        services.Shutdown.Begin();
        var stopping = StopLoopsAsync(cancellationToken);
        try
        {
            await stopping.WaitAsync(services.Shutdown.Ended).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (services.Shutdown.Ended.IsCancellationRequested || cancellationToken.IsCancellationRequested)
        {
            // SIGKILL follows soon: exit now. Cloud Run finishes an accepted update; the next start reads the count.
            string[] still;
            lock (running)
            {
                still = [.. running];
            }
            LogGraceOver(logger, services.Shutdown.Grace.TotalSeconds, Names(still));
        }
    }

    private async Task StopLoopsAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await loopsGate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            stopped = true;
            await Task.WhenAll(loops.Values.Select(l => StopLoopAsync(l.Loop))).ConfigureAwait(false);
            loops.Clear();
        }
        finally
        {
            loopsGate.Release();
        }
    }

    private async Task StopLoopAsync(ScalingLoop loop)
    {
        lock (running)
        {
            running.Add(loop.Name);
        }
        await loop.DisposeAsync().ConfigureAwait(false);
        lock (running)
        {
            running.Remove(loop.Name);
        }
    }

    public override void Dispose()
    {
        loopsGate.Dispose();
        base.Dispose();
    }

    private async Task ReloadAsync(CancellationToken ct)
    {
        ConfigText? changed;
        try
        {
            changed = await source.ReadIfChangedAsync(lastDigest, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            RejectReload($"cannot read {source.Description}: {ErrorText.Of(e)}", "unreadable");
            return;
        }
        if (changed is null)
        {
            if (lastRejection?.Result == "unreadable")
            {
                // Unreadable for a moment (a mounted secret swapped under the watch), then the text already running.
                services.Status.SetConfig(services.Status.Config with { LastReloadError = null, LastReloadErrorAt = null });
                lastRejection = null;
                LogReadableAgain(logger, source.Description);
            }
            return;
        }
        // Taken before the load: a broken text is reported once, not parsed again every poll until it changes.
        lastDigest = changed.Digest;
        var result = ConfigLoader.Load(changed.Text, source.Description, services.Scalers, services.Environment);
        // The text (megabytes for a large config) is not needed past the load; the local lives across the await below.
        changed = null;
        if (!result.IsValid)
        {
            RejectReload(string.Join("; ", result.Errors.Take(10)) + (result.Errors.Count > 10 ? $"; and {result.Errors.Count - 10} more" : string.Empty), "invalid");
            return;
        }
        await ApplyAsync(result.Config!, lastDigest).ConfigureAwait(false);
    }

    private void RejectReload(string message, string result)
    {
        services.Metrics.ConfigReload(result);
        services.Status.SetConfig(services.Status.Config with { LastReloadError = message, LastReloadErrorAt = services.Time.GetUtcNow() });
        if (message != lastRejection?.Message)
        {
            // Logged once per distinct problem: a deleted file must not write the same line every 2 s.
            LogReloadRejected(logger, source.Description, message);
        }
        lastRejection = (message, result);
    }

    private async Task ApplyAsync(CremaConfig config, ConfigDigest digest)
    {
        await loopsGate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (!stopped)
            {
                await ApplyUnderGateAsync(config).ConfigureAwait(false);
            }
        }
        finally
        {
            loopsGate.Release();
        }
        if (digest.Bytes >= CompactAfterBytes)
        {
            CompactHeap();
        }
    }

    /// <summary>One blocking, compacting collection that also returns the freed memory to the system; the loops pause while it runs, once per such load.</summary>
    private static void CompactHeap()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    private async Task ApplyUnderGateAsync(CremaConfig config)
    {
        var wanted = config.Spec.ScaledObjects.ToDictionary(o => o.Spec.ScaleTargetRef.Name, o => (Fingerprint(config.Spec, o), o), StringComparer.Ordinal);
        var stopped = loops.Where(l => !wanted.TryGetValue(l.Key, out var w) || w.Item1 != l.Value.Fingerprint).ToArray();
        await Task.WhenAll(stopped.Select(l => l.Value.Loop.DisposeAsync().AsTask())).ConfigureAwait(false);
        foreach (var (target, _) in stopped)
        {
            loops.Remove(target);
            if (!wanted.ContainsKey(target))
            {
                services.Status.Remove(target);
            }
        }
        var started = new List<string>();
        foreach (var (target, (fingerprint, scaledObject)) in wanted.Where(w => !loops.ContainsKey(w.Key)))
        {
            var loop = new ScalingLoop(services, config.Spec, scaledObject);
            loops[target] = (fingerprint, loop);
            loop.Start();
            started.Add(loop.Name);
        }
        services.Status.SetConfig(new ConfigStatus(source.Description, services.Time.GetUtcNow(), null, null));
        services.Metrics.ConfigReload("applied");
        lastRejection = null;
        LogApplied(logger, source.Description, wanted.Count, Names(started), Names(stopped.Select(l => l.Value.Loop.Name)));
    }

    /// <summary>
    /// Everything that affects one object's loop (its spec, the authentications it uses and the global interval), as
    /// the SHA-256 of its JSON: the JSON itself is about 2 KB per object, kept for as long as the loop runs.
    /// </summary>
    private static string Fingerprint(CremaSpec spec, ScaledObject scaledObject) => Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(new
    {
        scaledObject,
        spec.PollingInterval,
        authentications = scaledObject.Spec.Triggers.Select(t => TriggerContexts.AuthenticationOf(spec, t)).ToArray(),
    })));

    private static string Names(IEnumerable<string> names) => string.Join(", ", names.Order(StringComparer.Ordinal)) is { Length: > 0 } list ? list : "none";

    [LoggerMessage(Level = LogLevel.Warning, Message = "the shutdown grace of {GraceSeconds} s is over; exiting while these scaled objects were still stopping: {Objects}")]
    private static partial void LogGraceOver(ILogger logger, double graceSeconds, string objects);

    [LoggerMessage(Level = LogLevel.Information, Message = "config from {Source} applied: {Objects} scaled object(s); started: {Started}; stopped: {Stopped}")]
    private static partial void LogApplied(ILogger logger, string source, int objects, string started, string stopped);

    [LoggerMessage(Level = LogLevel.Information, Message = "config from {Source} is readable again and unchanged; the running config stays")]
    private static partial void LogReadableAgain(ILogger logger, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "config change from {Source} rejected; the last good config keeps running: {Error}")]
    private static partial void LogReloadRejected(ILogger logger, string source, string error);
}
