using System.Text.Json;
using Crema.Google.CloudRun;

namespace Crema.Host.Emulator;

/// <summary>
/// The emulator's in-memory Cloud Run: targets, operations, faults and history behind one lock.
/// Operations complete lazily: every request first applies those whose due time has passed, in
/// due order, stamping history with the due time, so a fake clock makes runs deterministic.
/// </summary>
internal sealed class EmulatorState
{
    private const string ManualCountMask = "scaling.manualInstanceCount";
    private readonly Lock gate = new();
    private readonly Dictionary<string, EmulatedTarget> targets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EmulatedOperation> operations = new(StringComparer.Ordinal);
    private readonly List<EmulatedOperation> pending = [];
    private readonly List<StatusFault> statusFaults = [];
    private readonly List<EmulatorHistoryEntry> history = [];
    private readonly List<EmulatorWrite> writes = [];
    private readonly List<EmulatorCall> calls = [];
    private readonly TimeProvider time;
    private readonly TimeSpan defaultDelay;
    private int held;

    public EmulatorState(CloudRunEmulatorOptions options)
    {
        time = options.TimeProvider;
        defaultDelay = options.OperationDelay;
        foreach (var (name, count) in options.Targets)
        {
            AddTarget(name, count).EnsureSuccess();
        }

        foreach (var (name, delay) in options.OperationDelays)
        {
            AddFault(new EmulatorFault { Target = name, OperationDelaySeconds = delay.TotalSeconds }).EnsureSuccess();
        }

        foreach (var fault in options.Faults)
        {
            AddFault(fault).EnsureSuccess();
        }
    }

    /// <summary>Requests held unanswered right now (a hang fault).</summary>
    public int HeldRequests => Volatile.Read(ref held);

    public void Holding(int change) => Interlocked.Add(ref held, change);

    public EmulatorReply AddTarget(string name, int count, string? scalingMode = null)
    {
        if (!CloudRunResourceName.TryParse(name, out var parsed) || count < 0)
        {
            return EmulatorJson.Error(400, "INVALID_ARGUMENT", $"\"{name}\"={count} is not a Cloud Run resource name with a count >= 0");
        }

        if (scalingMode is not (null or "MANUAL" or "AUTOMATIC"))
        {
            return EmulatorJson.Error(400, "INVALID_ARGUMENT", $"scalingMode must be MANUAL or AUTOMATIC, found \"{scalingMode}\"");
        }

        lock (gate)
        {
            var now = time.GetUtcNow();
            targets[parsed.Name] = new EmulatedTarget(parsed, count, now) { ScalingMode = scalingMode ?? "MANUAL" };
            history.Add(new EmulatorHistoryEntry(now, parsed.Name, count));
            return new EmulatorReply(200, JsonSerializer.Serialize(new { name = parsed.Name, instanceCount = count }));
        }
    }

    public EmulatorReply AddFault(EmulatorFault fault)
    {
        lock (gate)
        {
            EmulatedTarget? target = null;
            if (fault.Target is not null && !TryFind(fault.Target, out target))
            {
                return EmulatorJson.Error(404, "NOT_FOUND", $"fault target {fault.Target} is not an emulated resource");
            }

            if (Invalid(fault, target) is { } invalid)
            {
                return invalid;
            }

            if (fault.Status is { } status)
            {
                statusFaults.Add(new StatusFault(target?.Name.Name, fault.Method?.ToUpperInvariant(), status, Math.Max(1, fault.Count), fault.RetryAfterSeconds));
            }

            if (target is not null)
            {
                target.OperationDelay = fault.OperationDelaySeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : target.OperationDelay;
                target.PendingConflicts += Math.Max(0, fault.Conflicts ?? 0);
                target.PendingOperationFailures += Math.Max(0, fault.FailOperations ?? 0);
                target.PendingHangs += Math.Max(0, fault.HangPatches ?? 0);
                if (fault.SetCount is { } count)
                {
                    SetByAnotherWriter(target, count);
                }

                if (fault.Delete)
                {
                    targets.Remove(target.Name.Name);
                    pending.RemoveAll(o => o.Target == target);
                }
            }

            return new EmulatorReply(200, "{}");
        }
    }

    /// <summary>Disarms every status fault, conflict, operation failure and hang still pending (operation delays stay).</summary>
    public EmulatorReply ClearFaults()
    {
        lock (gate)
        {
            statusFaults.Clear();
            foreach (var target in targets.Values)
            {
                target.PendingConflicts = 0;
                target.PendingOperationFailures = 0;
                target.PendingHangs = 0;
            }

            return new EmulatorReply(200, "{}");
        }
    }

    public IReadOnlyList<EmulatorHistoryEntry> History()
    {
        lock (gate)
        {
            Settle();
            return [.. history];
        }
    }

    public IReadOnlyList<EmulatorWrite> Writes()
    {
        lock (gate)
        {
            return [.. writes];
        }
    }

    public IReadOnlyList<EmulatorCall> Calls()
    {
        lock (gate)
        {
            return [.. calls];
        }
    }

    public EmulatorReply Get(string path)
    {
        lock (gate)
        {
            Settle();
            if (operations.TryGetValue(path, out var operation))
            {
                return Record("operations.get", operation.Target.Name.Name,
                    TakeStatusFault(operation.Target.Name.Name, "GET") ?? EmulatorJson.Operation(operation));
            }

            if (!TryFind(path, out var target))
            {
                return Record("get", path, TakeStatusFault(null, "GET") ?? NotFound(path));
            }

            return Record("get", target.Name.Name,
                TakeStatusFault(target.Name.Name, "GET") ?? new EmulatorReply(200, EmulatorJson.Resource(target).ToJsonString()));
        }
    }

    public EmulatorReply Patch(string path, string? updateMask, bool validateOnly, string body, string? userAgent = null)
    {
        lock (gate)
        {
            var reply = PatchUnderLock(path, updateMask, validateOnly, body, userAgent);
            return Record("patch", TryFind(path, out var target) ? target.Name.Name : path, reply);
        }
    }

    private EmulatorReply Record(string method, string target, EmulatorReply reply)
    {
        calls.Add(new EmulatorCall(time.GetUtcNow(), method, target, reply.Status));
        return reply;
    }

    private EmulatorReply PatchUnderLock(string path, string? updateMask, bool validateOnly, string body, string? userAgent)
    {
        Settle();
        if (!TryFind(path, out var target))
        {
            return TakeStatusFault(null, "PATCH") ?? NotFound(path);
        }

        if (TakeStatusFault(target.Name.Name, "PATCH") is { } fault)
        {
            return fault;
        }

        if (target.PendingHangs > 0)
        {
            target.PendingHangs--;
            return new EmulatorReply(0, string.Empty, Hang: true);
        }

        var masks = (updateMask ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (masks.Length == 0 || masks.Any(m => m != ManualCountMask))
        {
            return EmulatorJson.Error(400, "INVALID_ARGUMENT", $"updateMask must be {ManualCountMask} (the emulator changes nothing else), got \"{updateMask}\"");
        }

        if (!EmulatorPatchBody.TryRead(body, out var count, out var etag, out var problem))
        {
            return EmulatorJson.Error(400, "INVALID_ARGUMENT", problem);
        }

        if (target.PendingConflicts > 0)
        {
            target.PendingConflicts--;
            return EmulatorJson.Error(409, "ABORTED", $"Resource '{target.Name.Id}' was modified concurrently (emulated conflict); re-read and retry.");
        }

        if (etag is not null && etag != target.Etag)
        {
            return EmulatorJson.Error(409, "ABORTED", $"The etag {etag} does not match the current etag of '{target.Name.Id}'; re-read and retry.");
        }

        var now = time.GetUtcNow();
        var generation = validateOnly ? target.Generation : target.Generation + 1;
        string? error = null;
        if (!validateOnly && target.PendingOperationFailures > 0)
        {
            target.PendingOperationFailures--;
            error = "Quota exceeded for quota metric 'CpuAllocPerProjectRegion' (emulated).";
        }

        var delay = validateOnly ? TimeSpan.Zero : target.OperationDelay ?? defaultDelay;
        var operation = new EmulatedOperation(
            $"projects/{target.Name.Project}/locations/{target.Name.Location}/operations/{Guid.NewGuid()}",
            target, count, generation, now + (delay > TimeSpan.Zero ? delay : TimeSpan.Zero), error);
        operations[operation.Name] = operation;
        if (validateOnly)
        {
            operation.Done = true;
            return EmulatorJson.Operation(operation);
        }

        target.Generation = generation;
        target.UpdateTime = now;
        writes.Add(new EmulatorWrite(now, target.Name.Name, count, userAgent));
        target.PendingOperations++;
        pending.Add(operation);
        Settle();
        return EmulatorJson.Operation(operation);
    }

    private void Settle()
    {
        var now = time.GetUtcNow();
        foreach (var operation in pending.Where(o => o.DueAt <= now).OrderBy(o => o.DueAt).ToList())
        {
            pending.Remove(operation);
            operation.Done = true;
            var target = operation.Target;
            target.PendingOperations--;
            target.ObservedGeneration = Math.Max(target.ObservedGeneration, operation.Generation);
            target.UpdateTime = operation.DueAt;
            if (operation.Error is null)
            {
                target.InstanceCount = operation.Count;
                history.Add(new EmulatorHistoryEntry(operation.DueAt, target.Name.Name, operation.Count));
            }
        }
    }

    private static EmulatorReply? Invalid(EmulatorFault fault, EmulatedTarget? target)
    {
        if (fault.Status is < 400 or > 599)
        {
            return EmulatorJson.Error(400, "INVALID_ARGUMENT", "status must be an HTTP error status such as 429, 500 or 503");
        }

        if (fault.Method is not null && !fault.Method.Equals("GET", StringComparison.OrdinalIgnoreCase) && !fault.Method.Equals("PATCH", StringComparison.OrdinalIgnoreCase))
        {
            return EmulatorJson.Error(400, "INVALID_ARGUMENT", $"method must be GET or PATCH, found \"{fault.Method}\"");
        }

        if (fault.SetCount is < 0)
        {
            return EmulatorJson.Error(400, "INVALID_ARGUMENT", "setCount must be >= 0");
        }

        return target is null && (fault.OperationDelaySeconds is not null || fault.Conflicts is not null || fault.FailOperations is not null || fault.HangPatches is not null || fault.SetCount is not null || fault.Delete)
            ? EmulatorJson.Error(400, "INVALID_ARGUMENT", "operationDelaySeconds, conflicts, failOperations, hangPatches, setCount and delete need a target")
            : null;
    }

    // What another client's update does, applied at once: the spec changes, so do generation and etag.
    private void SetByAnotherWriter(EmulatedTarget target, int count)
    {
        var now = time.GetUtcNow();
        target.Generation++;
        target.ObservedGeneration = target.Generation;
        target.InstanceCount = count;
        target.UpdateTime = now;
        history.Add(new EmulatorHistoryEntry(now, target.Name.Name, count));
    }

    private EmulatorReply? TakeStatusFault(string? targetName, string method)
    {
        var fault = statusFaults.FirstOrDefault(f => (f.Target is null || f.Target == targetName) && (f.Method is null || f.Method == method));
        if (fault is null)
        {
            return null;
        }

        if (--fault.Remaining <= 0)
        {
            statusFaults.Remove(fault);
        }

        return EmulatorJson.Error(fault.Status, fault.GoogleStatus, $"Emulated {fault.Status} {fault.GoogleStatus}.") with
        {
            RetryAfterSeconds = fault.RetryAfterSeconds,
        };
    }

    private bool TryFind(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out EmulatedTarget? target)
    {
        target = null;
        return CloudRunResourceName.TryParse(name, out var parsed) && targets.TryGetValue(parsed.Name, out target);
    }

    private static EmulatorReply NotFound(string path)
    {
        var kind = CloudRunResourceName.TryParse(path, out var parsed)
            ? parsed.Kind == CloudRunTargetKind.WorkerPool ? "WorkerPool" : "Service"
            : "Resource";
        return EmulatorJson.Error(404, "NOT_FOUND", $"{kind} '{path}' was not found.");
    }
}
