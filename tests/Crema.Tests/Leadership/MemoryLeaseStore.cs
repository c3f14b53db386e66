using System.Globalization;
using Crema.Host.Leadership;

namespace Crema.Tests.Leadership;

/// <summary>
/// One lease record with compare-and-swap, as Cloud Storage and the Kubernetes API server keep it (a new version on
/// every write; a create of an existing record or an update at a stale version is a conflict), shared by several
/// electors through <see cref="For"/> views that can each be cut off, made to hang or to lose answers.
/// </summary>
internal sealed class MemoryLeaseStore
{
    private readonly Lock gate = new();
    private int version;

    public LeaseSnapshot? Current { get; private set; }

    /// <summary>Every successful write, in order (release included).</summary>
    public List<LeaseRecord> Writes { get; } = [];

    public View For(string who) => new(this, who);

    /// <summary>Someone outside the electors writes the lease (kubectl, another tool).</summary>
    public void Overwrite(LeaseRecord record)
    {
        lock (gate)
        {
            Current = new LeaseSnapshot(record, (++version).ToString(CultureInfo.InvariantCulture));
            Writes.Add(record);
        }
    }

    public void Delete()
    {
        lock (gate)
        {
            Current = null;
        }
    }

    private LeaseStoreResult Apply(LeaseRecord record, string? expected)
    {
        lock (gate)
        {
            if (expected is null ? Current is not null : Current?.Version != expected)
            {
                return Current is null && expected is not null
                    ? LeaseStoreResult.Fail(LeaseStoreOutcome.NotFound, "no lease")
                    : LeaseStoreResult.Fail(LeaseStoreOutcome.Conflict, "version mismatch");
            }
            Current = new LeaseSnapshot(record, (++version).ToString(CultureInfo.InvariantCulture));
            Writes.Add(record);
            return LeaseStoreResult.Ok(Current);
        }
    }

    private LeaseStoreResult Read()
    {
        lock (gate)
        {
            return Current is null ? LeaseStoreResult.Fail(LeaseStoreOutcome.NotFound, "no lease") : LeaseStoreResult.Ok(Current);
        }
    }

    /// <summary>One elector's connection to the store.</summary>
    internal sealed class View(MemoryLeaseStore store, string who) : ILeaseStore
    {
        public string Description => "memory://" + who;

        /// <summary>Every call fails at once, as with the network cut.</summary>
        public bool Partitioned { get; set; }

        /// <summary>Every call hangs until the caller's token ends it.</summary>
        public bool Hangs { get; set; }

        /// <summary>Writes are applied but their answers lost (the caller sees a failure).</summary>
        public bool LosesAnswers { get; set; }

        public int Calls { get; private set; }

        public Task<LeaseStoreResult> ReadAsync(CancellationToken cancellationToken) => CallAsync(store.Read, cancellationToken, write: false);

        public Task<LeaseStoreResult> CreateAsync(LeaseRecord record, CancellationToken cancellationToken) =>
            CallAsync(() => store.Apply(record, null), cancellationToken, write: true);

        public Task<LeaseStoreResult> UpdateAsync(LeaseRecord record, string version, CancellationToken cancellationToken) =>
            CallAsync(() => store.Apply(record, version), cancellationToken, write: true);

        private async Task<LeaseStoreResult> CallAsync(Func<LeaseStoreResult> call, CancellationToken ct, bool write)
        {
            Calls++;
            if (Hangs)
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            if (Partitioned)
            {
                return LeaseStoreResult.Fail(LeaseStoreOutcome.Failed, "unreachable");
            }
            var result = call();
            return write && LosesAnswers ? LeaseStoreResult.Fail(LeaseStoreOutcome.Failed, "answer lost") : result;
        }
    }
}
