namespace Crema.Google.Http;

/// <summary>
/// Admits one kind of request (reads, say) to an API: a token from its quota's <see cref="AimdTokenBucket"/>
/// first, then a place among the requests in flight that it shares with the other kinds. Only the HTTP
/// exchange holds the place: waiting for a token, for a long-running operation or for a retry's back-off
/// holds nothing, so slow work on one resource never keeps another from being served.
/// </summary>
internal sealed class RequestPacer(AimdTokenBucket bucket, SemaphoreSlim inFlight)
{
    public AimdTokenBucket Bucket { get; } = bucket;

    private SemaphoreSlim InFlight { get; } = inFlight;

    /// <summary>Waits for a token, then for a place in flight; dispose the lease when the reply is read.</summary>
    public async ValueTask<Lease> AcquireAsync(CancellationToken cancellationToken)
    {
        var grantedAt = await Bucket.TakeAsync(cancellationToken).ConfigureAwait(false);
        await InFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Lease(this, grantedAt);
    }

    /// <summary>One admitted request.</summary>
    internal sealed class Lease(RequestPacer owner, long grantedAt) : IDisposable
    {
        private bool disposed;

        /// <summary>Feeds the reply back: 429, or any reply with Retry-After, slows every caller of the quota.</summary>
        public void Completed(GoogleApiResponse response)
        {
            ArgumentNullException.ThrowIfNull(response);
            if (response.StatusCode == 429 || response.RetryAfter is not null)
            {
                owner.Bucket.Throttled(grantedAt, response.RetryAfter);
            }
        }

        public void Dispose()
        {
            if (!disposed)
            {
                disposed = true;
                owner.InFlight.Release();
            }
        }
    }
}
