using Crema.Google.Http;

namespace Crema.Tests.Google;

public sealed class AimdTokenBucketTests
{
    private static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(30);

    [Fact]
    public void TakeAsync_FullBucket_GrantsATenthOfTheQuotaAtOnceThenPaces()
    {
        var clock = new FakeTimeProvider();
        var bucket = new AimdTokenBucket(60, clock, MaxPause);

        var first = Enumerable.Range(0, 6).Select(_ => bucket.TakeAsync(CancellationToken.None)).ToArray();
        var seventh = bucket.TakeAsync(CancellationToken.None).AsTask();

        first.ShouldAllBe(t => t.IsCompletedSuccessfully);
        seventh.IsCompleted.ShouldBeFalse();
        clock.Advance(TimeSpan.FromSeconds(1));
        seventh.IsCompleted.ShouldBeFalse("54 a minute left for the rest of it: one per 1.11 s");
        clock.Advance(TimeSpan.FromMilliseconds(120));
        seventh.IsCompletedSuccessfully.ShouldBeTrue();
    }

    [Fact]
    public void TryTake_TakesOnlyAFreeTokenAndNeverOneAWaiterIsOwed()
    {
        var clock = new FakeTimeProvider();
        var bucket = new AimdTokenBucket(60, clock, MaxPause);

        Enumerable.Range(0, 6).Select(_ => bucket.TryTake()).ShouldAllBe(taken => taken, "the burst of a tenth");
        bucket.TryTake().ShouldBeFalse("empty");
        var waiter = bucket.TakeAsync(CancellationToken.None).AsTask();
        clock.Advance(TimeSpan.FromSeconds(1.2));
        waiter.IsCompletedSuccessfully.ShouldBeTrue("the waiter gets the refilled token");
        bucket.TryTake().ShouldBeFalse("nothing left over");
        clock.Advance(TimeSpan.FromSeconds(1.2));
        bucket.TryTake().ShouldBeTrue();
    }

    [Theory]
    [InlineData(60)]
    [InlineData(600)]
    [InlineData(7)]
    public void TakeAsync_ManyWaiters_NeverMoreThanTheQuotaInAny60Seconds(int perMinute)
    {
        var clock = new FakeTimeProvider();
        var bucket = new AimdTokenBucket(perMinute, clock, MaxPause);
        var start = clock.GetUtcNow();
        var grants = new List<TimeSpan>();
        var waiters = Enumerable.Range(0, perMinute * 4).Select(_ => bucket.TakeAsync(CancellationToken.None).AsTask()).ToList();

        for (var step = 0; step < 3000 && waiters.Count > 0; step++)
        {
            foreach (var done in waiters.Where(w => w.IsCompletedSuccessfully).ToList())
            {
                grants.Add(clock.GetUtcNow() - start);
                waiters.Remove(done);
            }
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        waiters.ShouldBeEmpty();
        foreach (var from in grants)
        {
            grants.Count(g => g >= from && g < from + TimeSpan.FromSeconds(60)).ShouldBeLessThanOrEqualTo(perMinute);
        }
        grants[^1].ShouldBeLessThan(TimeSpan.FromMinutes(4.6), "paced to the quota, not far below it");
    }

    [Fact]
    public async Task Throttled_ManyRepliesFromOneRound_HalvesTheRateOnce()
    {
        var clock = new FakeTimeProvider();
        var bucket = new AimdTokenBucket(600, clock, MaxPause);
        var granted = new List<long>();
        for (var i = 0; i < 20; i++)
        {
            granted.Add(await bucket.TakeAsync(CancellationToken.None));
        }

        granted.ForEach(at => bucket.Throttled(at, retryAfter: null));

        bucket.Rate.ShouldBe(bucket.Ceiling / 2, 1e-9);
    }

    [Fact]
    public async Task Throttled_RequestSentAfterTheBackOff_HalvesAgainDownToAFloor()
    {
        var clock = new FakeTimeProvider();
        var bucket = new AimdTokenBucket(600, clock, MaxPause);
        for (var i = 0; i < 10; i++)
        {
            var take = bucket.TakeAsync(CancellationToken.None).AsTask();
            while (!take.IsCompleted)
            {
                clock.Advance(TimeSpan.FromMilliseconds(50));
            }
            bucket.Throttled(await take, retryAfter: null);
        }

        bucket.Rate.ShouldBeGreaterThanOrEqualTo(bucket.Ceiling / 16);
        bucket.Rate.ShouldBeLessThan(bucket.Ceiling / 8);
    }

    [Fact]
    public async Task Rate_AfterABackOff_ClimbsBackLinearlyToTheCeiling()
    {
        var clock = new FakeTimeProvider();
        var bucket = new AimdTokenBucket(600, clock, MaxPause);
        bucket.Throttled(await bucket.TakeAsync(CancellationToken.None), retryAfter: null);

        clock.Advance(TimeSpan.FromSeconds(15));
        bucket.Rate.ShouldBe(bucket.Ceiling * 0.75, 1e-9);
        clock.Advance(TimeSpan.FromSeconds(15));
        bucket.Rate.ShouldBe(bucket.Ceiling, 1e-9);
        clock.Advance(TimeSpan.FromSeconds(60));
        bucket.Rate.ShouldBe(bucket.Ceiling, 1e-9);
    }

    [Fact]
    public async Task Throttled_WithRetryAfter_HoldsEveryWaiterThenReleasesThemOneAtATime()
    {
        var clock = new FakeTimeProvider();
        var bucket = new AimdTokenBucket(600, clock, MaxPause);
        var sent = await bucket.TakeAsync(CancellationToken.None);
        bucket.Throttled(sent, TimeSpan.FromSeconds(10));
        var waiters = Enumerable.Range(0, 10).Select(_ => bucket.TakeAsync(CancellationToken.None).AsTask()).ToArray();

        clock.Advance(TimeSpan.FromSeconds(9.9));
        waiters.Count(w => w.IsCompleted).ShouldBe(0);
        clock.Advance(TimeSpan.FromSeconds(0.1));
        waiters.Count(w => w.IsCompleted).ShouldBe(1, "one call when the server said, not all of them");
        // The rate was halved to 4.5/s: one more about every 0.22 s.
        clock.Advance(TimeSpan.FromSeconds(1));
        waiters.Count(w => w.IsCompleted).ShouldBeInRange(4, 6);
        waiters.TakeWhile(w => w.IsCompleted).Count().ShouldBe(waiters.Count(w => w.IsCompleted), "in arrival order");
    }

    [Fact]
    public async Task Throttled_RetryAfterBeyondTheCap_PausesOnlyForTheCap()
    {
        var clock = new FakeTimeProvider();
        var bucket = new AimdTokenBucket(600, clock, TimeSpan.FromSeconds(5));
        bucket.Throttled(await bucket.TakeAsync(CancellationToken.None), TimeSpan.FromHours(1));
        var waiter = bucket.TakeAsync(CancellationToken.None).AsTask();

        clock.Advance(TimeSpan.FromSeconds(5));

        waiter.IsCompletedSuccessfully.ShouldBeTrue();
    }

    [Fact]
    public async Task TakeAsync_CancelledWaiter_LeavesTheQueueAndTheNextOneGetsTheToken()
    {
        var clock = new FakeTimeProvider();
        var bucket = new AimdTokenBucket(60, clock, MaxPause);
        for (var i = 0; i < 6; i++)
        {
            await bucket.TakeAsync(CancellationToken.None);
        }
        using var giveUp = new CancellationTokenSource();
        var cancelled = bucket.TakeAsync(giveUp.Token).AsTask();
        var next = bucket.TakeAsync(CancellationToken.None).AsTask();

        await giveUp.CancelAsync();
        clock.Advance(TimeSpan.FromSeconds(1.2));

        await Should.ThrowAsync<OperationCanceledException>(() => cancelled);
        next.IsCompletedSuccessfully.ShouldBeTrue();
        bucket.Waiting.ShouldBe(0);
    }
}
