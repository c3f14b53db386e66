using Crema.Host.Leadership;

namespace Crema.Tests.Leadership;

/// <summary>The lease state machine on a fake clock: acquire, renew, stand by, take over, lose, release.</summary>
public sealed class LeaseElectorTests
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Step_NoLease_CreatesItAndMayWrite()
    {
        var rig = new ElectorRig();
        var a = rig.Add("a");

        var next = await rig.StepAsync("a");

        a.CanWrite(out var revoked).ShouldBeTrue();
        revoked.CanBeCanceled.ShouldBeTrue();
        next.ShouldBe(TimeSpan.FromSeconds(5));
        rig.Store.Current!.Record.HolderIdentity.ShouldBe("a");
        rig.Store.Current.Record.LeaseTransitions.ShouldBe(0);
        rig.Store.Current.Record.LeaseDurationSeconds.ShouldBe(15);
        a.WriterTag.ShouldBe("writer=a; term=0");
        rig.Statuses["a"].Role.ShouldBe("leader");
        rig.Statuses["a"].Holder.ShouldBe("a");
    }

    [Fact]
    public async Task Step_LeaseHeldAndRenewed_StandbyNeverWrites()
    {
        var rig = new ElectorRig();
        rig.Add("a");
        await rig.StepAsync("a");
        var b = rig.Add("b");

        await rig.RunAsync(TimeSpan.FromMinutes(2));

        b.CanWrite(out _).ShouldBeFalse();
        rig.Writers.ShouldAllBe(w => w.Writer == "a");
        rig.Statuses["b"].Role.ShouldBe("standby");
        rig.Statuses["b"].Holder.ShouldBe("a");
        b.WriterTag.ShouldBe("writer=b; standby");
        // a renewed every 5 s (without reading first); b read every 2 s.
        rig.Store.Writes.Count.ShouldBeInRange(24, 26);
        rig.Views["b"].Calls.ShouldBeInRange(59, 62);
    }

    [Fact]
    public async Task Step_HolderNameWithControlCharacters_ShownEscapedButComparedAsWritten()
    {
        var rig = new ElectorRig();
        var forged = "other\n{\"severity\":\"INFO\",\"message\":\"forged\"}\u001b[2J";
        rig.Store.Overwrite(new LeaseRecord(forged, 15, rig.Time.GetUtcNow(), rig.Time.GetUtcNow(), 3));
        var b = rig.Add("b");

        await rig.StepAsync("b");

        b.CanWrite(out _).ShouldBeFalse("the lease is held by that other name");
        rig.Statuses["b"].Holder.ShouldBe("other {\"severity\":\"INFO\",\"message\":\"forged\"}\\x1b[2J");
    }

    [Fact]
    public async Task Renew_Succeeds_MovesTheRenewDeadline()
    {
        var rig = new ElectorRig();
        var a = rig.Add("a");
        await rig.StepAsync("a");
        a.CanWrite(out var revoked).ShouldBeTrue();

        rig.Time.Advance(TimeSpan.FromSeconds(5));
        await rig.StepAsync("a");
        rig.Time.Advance(TimeSpan.FromSeconds(9.9));

        a.CanWrite(out _).ShouldBeTrue("10 s after the renewal that started at 5 s");
        revoked.IsCancellationRequested.ShouldBeFalse("the renewal moved the term's own deadline too");
        rig.Time.Advance(TimeSpan.FromSeconds(0.1));
        a.CanWrite(out _).ShouldBeFalse();
        revoked.IsCancellationRequested.ShouldBeTrue();
    }

    [Fact]
    public async Task Renew_StoreUnreachable_StopsWritingAtTheRenewDeadlineBeforeTheLeaseCanExpire()
    {
        var rig = new ElectorRig();
        var a = rig.Add("a");
        await rig.StepAsync("a");
        var acquired = rig.Time.GetUtcNow();
        a.CanWrite(out var revoked).ShouldBeTrue();
        rig.Views["a"].Partitioned = true;

        await rig.RunAsync(TimeSpan.FromSeconds(20));

        rig.LastWrite("a")!.Value.ShouldBeLessThan(acquired + TimeSpan.FromSeconds(10));
        rig.LastWrite("a")!.Value.ShouldBeGreaterThanOrEqualTo(acquired + TimeSpan.FromSeconds(9.9));
        revoked.IsCancellationRequested.ShouldBeTrue();
        rig.Statuses["a"].Role.ShouldBe("standby");
        rig.Statuses["a"].LastError.ShouldBe("unreachable");
        // It kept trying: at 5 s, then every 2 s.
        rig.Views["a"].Calls.ShouldBeGreaterThan(5);
    }

    [Fact]
    public async Task Renew_StoreHangs_EachCallTimesOutAndWritingStopsOnTime()
    {
        var rig = new ElectorRig();
        var a = rig.Add("a");
        await rig.StepAsync("a");
        var acquired = rig.Time.GetUtcNow();
        rig.Views["a"].Hangs = true;
        rig.Time.Advance(TimeSpan.FromSeconds(5));

        var renewing = a.StepAsync(CancellationToken.None);
        renewing.IsCompleted.ShouldBeFalse();
        rig.Time.Advance(rig.Options.CallTimeout);
        var next = await renewing.WaitAsync(TimeSpan.FromSeconds(10));

        rig.Statuses["a"].LastError.ShouldBe("renew memory://a: no answer within 3 s");
        next.ShouldBe(TimeSpan.FromSeconds(2));
        a.CanWrite(out _).ShouldBeTrue("8 s after the last renewal started");
        rig.Time.Advance(TimeSpan.FromSeconds(2));
        a.CanWrite(out _).ShouldBeFalse();
        (rig.Time.GetUtcNow() - acquired).ShouldBe(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Renew_SomeoneElseWroteTheLease_StopsWritingAtOnce()
    {
        var rig = new ElectorRig();
        var a = rig.Add("a");
        await rig.StepAsync("a");
        a.CanWrite(out var revoked).ShouldBeTrue();
        rig.Store.Overwrite(new LeaseRecord("intruder", 15, rig.Time.GetUtcNow(), rig.Time.GetUtcNow(), 7));
        rig.Time.Advance(TimeSpan.FromSeconds(5));

        var next = await rig.StepAsync("a");

        a.CanWrite(out _).ShouldBeFalse();
        revoked.IsCancellationRequested.ShouldBeTrue();
        next.ShouldBe(TimeSpan.Zero, "it reads the lease at once to learn who holds it");
        await rig.StepAsync("a");
        rig.Statuses["a"].Holder.ShouldBe("intruder");
        rig.Statuses["a"].Term.ShouldBe(7);
    }

    [Fact]
    public async Task TakeOver_HolderKilled_WithinOneLeaseDurationOfItsLastRenewal()
    {
        var rig = new ElectorRig();
        rig.Add("a");
        await rig.StepAsync("a");
        rig.Add("b");
        rig.Add("c");
        await rig.RunAsync(TimeSpan.FromSeconds(31));
        var lastRenewal = rig.Statuses["a"].LastRenewAt!.Value;
        rig.Stopped.Add("a");

        await rig.RunAsync(TimeSpan.FromSeconds(30), () => rig.Store.Current!.Record.HolderIdentity != "a");

        var taken = rig.Store.Current!.Record;
        taken.HolderIdentity.ShouldBeOneOf("b", "c");
        taken.LeaseTransitions.ShouldBe(1);
        var takeover = rig.Time.GetUtcNow() - lastRenewal;
        // Never before a whole duration since the last renewal was seen; at most one look (2 s) later.
        takeover.ShouldBeGreaterThanOrEqualTo(Duration);
        takeover.ShouldBeLessThanOrEqualTo(Duration + rig.Options.RetryPeriod);
        rig.LastWrite("a")!.Value.ShouldBeLessThan(lastRenewal + rig.Options.RenewDeadline);
        rig.Electors[taken.HolderIdentity!].WriterTag.ShouldBe($"writer={taken.HolderIdentity}; term=1");
    }

    [Fact]
    public async Task Stop_Leader_ReleasesTheLeaseAndAStandbyTakesOverAtItsNextLook()
    {
        var rig = new ElectorRig();
        var a = rig.Add("a");
        await rig.StepAsync("a");
        rig.Add("b");
        await rig.StepAsync("b");
        a.CanWrite(out var revoked).ShouldBeTrue();

        await a.StopAsync(CancellationToken.None);

        a.CanWrite(out _).ShouldBeFalse();
        revoked.IsCancellationRequested.ShouldBeTrue();
        rig.Store.Current!.Record.IsFree.ShouldBeTrue();
        rig.Store.Current.Record.LeaseTransitions.ShouldBe(0);
        rig.Time.Advance(TimeSpan.FromSeconds(2));
        await rig.StepAsync("b");
        rig.Electors["b"].CanWrite(out _).ShouldBeTrue();
        rig.Store.Current.Record.HolderIdentity.ShouldBe("b");
        rig.Store.Current.Record.LeaseTransitions.ShouldBe(1);
    }

    [Fact]
    public async Task Stop_ReleaseHangs_EndsWhenTheHostsShutdownGraceDoes()
    {
        // Lease 60 s: its own call timeout (12 s) would outlast Cloud Run's 10 s between SIGTERM and SIGKILL.
        var rig = new ElectorRig(seconds: 60);
        var a = rig.Add("a");
        await rig.StepAsync("a");
        rig.Views["a"].Hangs = true;
        using var grace = new CancellationTokenSource();

        var stopping = a.StopAsync(grace.Token);
        await grace.CancelAsync();

        // Real time only bounds the test; the lease's own clock never moves here.
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));
        a.CanWrite(out _).ShouldBeFalse();
        rig.Store.Current!.Record.HolderIdentity.ShouldBe("a", "not released: a standby takes over once the lease expires");
    }

    [Fact]
    public async Task Renew_AnswerLost_FindsItsOwnRecordAndKeepsItsTerm()
    {
        var rig = new ElectorRig();
        var a = rig.Add("a");
        rig.Add("b");
        await rig.StepAsync("a");
        rig.Views["a"].LosesAnswers = true;

        await rig.RunAsync(TimeSpan.FromSeconds(5.1));
        rig.Views["a"].LosesAnswers = false;
        await rig.RunAsync(TimeSpan.FromSeconds(20));

        a.CanWrite(out _).ShouldBeTrue();
        rig.Store.Current!.Record.HolderIdentity.ShouldBe("a");
        rig.Store.Current.Record.LeaseTransitions.ShouldBe(0);
        rig.Writers.ShouldAllBe(w => w.Writer == "a");
    }

    [Fact]
    public async Task Create_LeaseDeletedWhileAnotherHeldIt_WaitsOneDurationFirst()
    {
        var rig = new ElectorRig();
        rig.Add("a");
        await rig.StepAsync("a");
        rig.Add("b");
        await rig.StepAsync("b");
        rig.Stopped.Add("a");
        rig.Store.Delete();
        var deleted = rig.Time.GetUtcNow();

        await rig.RunAsync(TimeSpan.FromSeconds(30), () => rig.Store.Current is not null);

        rig.Store.Current!.Record.HolderIdentity.ShouldBe("b");
        rig.Store.Current.Record.LeaseTransitions.ShouldBe(1);
        (rig.Time.GetUtcNow() - deleted).ShouldBeGreaterThanOrEqualTo(Duration);
    }

    [Fact]
    public async Task Step_LeaseDataUnreadable_TakenOverOnlyAfterOneDuration()
    {
        var rig = new ElectorRig();
        rig.Store.Overwrite(LeaseRecordJson.Read("not json"));
        var b = rig.Add("b");

        await rig.RunAsync(TimeSpan.FromSeconds(14.9));
        b.CanWrite(out _).ShouldBeFalse();
        await rig.RunAsync(TimeSpan.FromSeconds(3), () => b.CanWrite(out _));

        b.CanWrite(out _).ShouldBeTrue();
        rig.Store.Current!.Record.LeaseTransitions.ShouldBe(1);
    }

    [Fact]
    public async Task ManyFaults_ThreeElectors_NeverTwoWritersAndOneHolderPerTerm()
    {
        var rig = new ElectorRig();
        foreach (var name in new[] { "a", "b", "c" })
        {
            rig.Add(name);
        }
        var random = new Random(11);
        for (var round = 0; round < 120; round++)
        {
            foreach (var view in rig.Views.Values)
            {
                // Each round (5 s) a daemon is cut off, loses answers or is fine.
                var roll = random.Next(10);
                view.Partitioned = roll == 0;
                view.LosesAnswers = roll == 1;
            }
            await rig.RunAsync(TimeSpan.FromSeconds(5));
        }

        rig.Writers.Select(w => w.Writer).Distinct().Count().ShouldBeGreaterThan(1, "the faults moved the lease around");
        foreach (var term in rig.Store.Writes.Where(w => !w.IsFree).GroupBy(w => w.LeaseTransitions))
        {
            term.Select(w => w.HolderIdentity).Distinct().Count().ShouldBe(1, $"term {term.Key}");
        }
        rig.Store.Writes.Select(w => w.LeaseTransitions).ShouldBeInOrder();
    }
}
