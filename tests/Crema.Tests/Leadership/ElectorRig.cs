using Crema.Host.Leadership;
using Microsoft.Extensions.Logging.Abstractions;

namespace Crema.Tests.Leadership;

/// <summary>
/// Several <see cref="LeaseElector"/>s on one <see cref="MemoryLeaseStore"/> and one fake clock, stepped as their
/// own loops would step them (each waits the delay its last step returned), deterministically: the clock moves
/// to the next due step in slices of <see cref="Slice"/>, and after every slice at most one elector may write.
/// </summary>
internal sealed class ElectorRig
{
    public static readonly TimeSpan Slice = TimeSpan.FromMilliseconds(100);

    private readonly Dictionary<string, DateTimeOffset> due = new(StringComparer.Ordinal);

    public ElectorRig(int seconds = LeaseOptions.DefaultDurationSeconds)
    {
        Options = new LeaseOptions { Location = new LeaseLocation(LeaseStoreKind.CloudStorage, "bucket", "lease"), Duration = TimeSpan.FromSeconds(seconds) };
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public MemoryLeaseStore Store { get; } = new();

    public LeaseOptions Options { get; }

    public Dictionary<string, LeaseElector> Electors { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, MemoryLeaseStore.View> Views { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, LeadershipStatus> Statuses { get; } = new(StringComparer.Ordinal);

    /// <summary>Electors that no longer step (killed).</summary>
    public HashSet<string> Stopped { get; } = new(StringComparer.Ordinal);

    /// <summary>When each elector could write, slice by slice: (time, identity).</summary>
    public List<(DateTimeOffset At, string Writer)> Writers { get; } = [];

    public LeaseElector Add(string identity)
    {
        var view = Store.For(identity);
        var elector = new LeaseElector(view, Options with { Identity = identity }, Time, NullLoggerFactory.Instance, s => Statuses[identity] = s);
        Views[identity] = view;
        Electors[identity] = elector;
        due[identity] = Time.GetUtcNow();
        return elector;
    }

    /// <summary>Steps one elector now, as its loop would, and schedules its next step.</summary>
    public async Task<TimeSpan> StepAsync(string identity)
    {
        var next = await Electors[identity].StepAsync(CancellationToken.None);
        due[identity] = Time.GetUtcNow() + next;
        Check();
        return next;
    }

    /// <summary>Runs every elector not stopped until <paramref name="until"/> holds or <paramref name="limit"/> passes.</summary>
    public async Task RunAsync(TimeSpan limit, Func<bool>? until = null)
    {
        var end = Time.GetUtcNow() + limit;
        while (Time.GetUtcNow() < end && until?.Invoke() != true)
        {
            var ready = due.Where(d => !Stopped.Contains(d.Key) && d.Value <= Time.GetUtcNow()).Select(d => d.Key).OrderBy(k => k, StringComparer.Ordinal).ToList();
            if (ready.Count > 0)
            {
                foreach (var identity in ready)
                {
                    await StepAsync(identity);
                }
                continue;
            }
            Time.Advance(Slice);
            Check();
        }
    }

    /// <summary>The invariant: never two electors allowed to write at the same moment.</summary>
    public void Check()
    {
        var writers = Electors.Where(e => e.Value.CanWrite(out _)).Select(e => e.Key).ToArray();
        writers.Length.ShouldBeLessThanOrEqualTo(1, $"at {Time.GetUtcNow():HH:mm:ss.fff} these could all write: {string.Join(", ", writers)}");
        if (writers.Length == 1)
        {
            Writers.Add((Time.GetUtcNow(), writers[0]));
        }
    }

    /// <summary>The first time <paramref name="identity"/> could write at or after <paramref name="from"/>.</summary>
    public DateTimeOffset? FirstWrite(string identity, DateTimeOffset from) =>
        Writers.Where(w => w.Writer == identity && w.At >= from).Select(w => (DateTimeOffset?)w.At).FirstOrDefault();

    /// <summary>The last time <paramref name="identity"/> could write.</summary>
    public DateTimeOffset? LastWrite(string identity) =>
        Writers.Where(w => w.Writer == identity).Select(w => (DateTimeOffset?)w.At).LastOrDefault();
}
