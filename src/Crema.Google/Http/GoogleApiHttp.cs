using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using Crema.Abstractions;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Crema.Google.Http;

/// <summary>
/// Sends one Google REST call with a bearer token (https endpoints only), retries transient
/// failures through a Polly pipeline driven by the injected <see cref="TimeProvider"/>, and reads
/// the reply into a <see cref="GoogleApiResponse"/>. Never throws for HTTP or transport failures;
/// throws only <see cref="OperationCanceledException"/> when the caller cancels.
/// </summary>
internal sealed class GoogleApiHttp
{
    private readonly HttpClient http;
    private readonly IAccessTokenSource? tokens;
    private readonly string[] scopes;
    private readonly TimeProvider time;
    private static readonly ResiliencePropertyKey<bool> Paced = new("crema.paced");

    /// <summary>Largest reply read from a Google API (a target, an operation, a secret, a lease object are a few KiB).</summary>
    internal const long MaxResponseBytes = 8 * 1024 * 1024;
    private readonly Action<string, int>? onCall;
    private readonly ResiliencePipeline<GoogleApiResponse> retry;
    private readonly ResiliencePipeline<GoogleApiResponse> attempt;

    public GoogleApiHttp(
        HttpClient http,
        IAccessTokenSource? tokens,
        IEnumerable<string> scopes,
        TimeProvider time,
        GoogleApiRetryOptions? retry = null,
        Action<string, int>? onCall = null)
    {
        this.http = http;
        this.tokens = tokens;
        this.scopes = [.. scopes];
        this.time = time;
        this.onCall = onCall;
        var options = retry ?? GoogleApiRetryOptions.Default;
        this.retry = BuildRetry(options, time);
        attempt = BuildAttempt(options, time);
    }

    /// <summary>Sends <paramref name="method"/> to <paramref name="uri"/>; <paramref name="operation"/> names the call for the observer.</summary>
    public Task<GoogleApiResponse> SendAsync(
        HttpMethod method, Uri uri, string operation, string? jsonBody, CancellationToken cancellationToken) =>
        SendAsync(method, uri, operation, jsonBody, null, cancellationToken);

    /// <summary>
    /// As above; <paramref name="onAttempt"/>, when given, is told each attempt's HTTP status (0: no answer)
    /// instead of the client-wide observer, so a caller can attach what the call was about (its target).
    /// With a <paramref name="pacer"/>, every attempt first waits for its admission (outside the attempt's
    /// timeout), and a throttled reply is retried without a back-off of its own: the pacer's shared back-off
    /// spaces the retries of every caller instead.
    /// </summary>
    public async Task<GoogleApiResponse> SendAsync(
        HttpMethod method, Uri uri, string operation, string? jsonBody, Action<int>? onAttempt, CancellationToken cancellationToken,
        RequestPacer? pacer = null)
    {
        string? token = null;
        if (tokens is not null && GoogleEndpoints.SendsCredentials(uri))
        {
            try
            {
                token = await tokens.GetAccessTokenAsync(scopes, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return Unreachable("UNAUTHENTICATED", $"could not get Google credentials ({ex.GetType().Name}: {ex.Message})");
            }
        }

        // The first attempt's admission is waited for here, before the retry pipeline is entered: with thousands of
        // callers queued for a quota (every target's first read at start), each waits as one small await instead
        // of a pipeline's worth of state (about 1 KB each).
        var admitted = new StrongBox<RequestPacer.Lease?>(pacer is null ? null : await pacer.AcquireAsync(cancellationToken).ConfigureAwait(false));
        try
        {
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(Paced, pacer is not null);
            try
            {
                var observe = onAttempt ?? (status => onCall?.Invoke(operation, status));
                return await retry.ExecuteAsync(
                    static async (ctx, state) => await state.Self.AttemptAsync(state, ctx.CancellationToken).ConfigureAwait(false),
                    context,
                    new AttemptState(this, method, uri, observe, jsonBody, token, cancellationToken, pacer, admitted)).ConfigureAwait(false);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }
        catch (TimeoutRejectedException)
        {
            return Unreachable("DEADLINE_EXCEEDED", $"{method} {uri.AbsolutePath} timed out");
        }
        finally
        {
            // Not taken by an attempt (the pipeline ended first): its place in flight goes back.
            Interlocked.Exchange(ref admitted.Value, null)?.Dispose();
        }
    }

    // One attempt: admission by the pacer (not under the attempt's timeout: a queue for the quota is not a
    // slow server), then the exchange under the timeout; the reply tells the pacer whether to back off.
    private async Task<GoogleApiResponse> AttemptAsync(AttemptState state, CancellationToken retryToken)
    {
        using var lease = state.Pacer is null ? null
            : Interlocked.Exchange(ref state.Admitted.Value, null) ?? await state.Pacer.AcquireAsync(retryToken).ConfigureAwait(false);
        var response = await attempt.ExecuteAsync(
            static async (s, attemptToken) =>
                await s.Self.SendOnceAsync(s.Method, s.Uri, s.Observe, s.Body, s.Token, attemptToken, s.Caller).ConfigureAwait(false),
            state,
            retryToken).ConfigureAwait(false);
        lease?.Completed(response);
        return response;
    }

    private async Task<GoogleApiResponse> SendOnceAsync(
        HttpMethod method, Uri uri, Action<int> observe, string? jsonBody, string? token,
        CancellationToken attemptToken, CancellationToken callerToken)
    {
        using var request = new HttpRequestMessage(method, uri);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (jsonBody is not null)
        {
            request.Content = new StringContent(jsonBody, Encoding.UTF8, "application/json");
        }

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attemptToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            observe(status);
            if (await CappedBody.ReadAsync(response, MaxResponseBytes, attemptToken).ConfigureAwait(false) is not { } bytes)
            {
                return new GoogleApiResponse(status, string.Empty, new GoogleApiError(status, "OUT_OF_RANGE",
                    $"{method} {uri.AbsolutePath}: the response is larger than {MaxResponseBytes / 1024 / 1024} MiB, the most Crema reads from a Google API"), null)
                { TooLarge = true };
            }
            var body = Encoding.UTF8.GetString(bytes);
            var error = response.IsSuccessStatusCode ? null : GoogleApiError.From(status, body);
            return new GoogleApiResponse(status, body, error, RetryAfter(response.Headers.RetryAfter));
        }
        catch (HttpRequestException ex)
        {
            observe(0);
            return Unreachable("UNAVAILABLE", $"{method} {uri.AbsolutePath} failed: {ex.Message}");
        }
        catch (OperationCanceledException) when (!callerToken.IsCancellationRequested)
        {
            // An attempt timeout (Polly's or HttpClient's), not the caller giving up.
            observe(0);
            if (attemptToken.IsCancellationRequested)
            {
                throw;
            }

            return Unreachable("DEADLINE_EXCEEDED", $"{method} {uri.AbsolutePath} timed out");
        }
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? date - time.GetUtcNow() : null;
    }

    private static GoogleApiResponse Unreachable(string status, string message) =>
        new(0, string.Empty, new GoogleApiError(0, status, message), null);

    private static ResiliencePipeline<GoogleApiResponse> BuildRetry(GoogleApiRetryOptions options, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder<GoogleApiResponse> { TimeProvider = time };
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<GoogleApiResponse>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = static args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: TimeoutRejectedException } => true,
                    { Result.IsTransient: true } => true,
                    _ => false,
                }),
                DelayGenerator = args => ValueTask.FromResult(RetryDelay(args.Outcome.Result, args.Context, options.MaxDelay)),
            });
        }

        return builder.Build();
    }

    // Paced throttling waits in the pacer, shared by every caller; otherwise Retry-After (capped), else
    // Polly's own exponential back-off with jitter (null).
    private static TimeSpan? RetryDelay(GoogleApiResponse? response, ResilienceContext context, TimeSpan maxDelay)
    {
        if (response is null)
        {
            return null;
        }

        if (context.Properties.GetValue(Paced, false) && (response.StatusCode == 429 || response.RetryAfter is not null))
        {
            return TimeSpan.Zero;
        }

        return response.RetryAfter is { } after && after > TimeSpan.Zero ? (after < maxDelay ? after : maxDelay) : null;
    }

    private static ResiliencePipeline<GoogleApiResponse> BuildAttempt(GoogleApiRetryOptions options, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder<GoogleApiResponse> { TimeProvider = time };
        if (options.AttemptTimeout is { } timeout && timeout > TimeSpan.Zero)
        {
            builder.AddTimeout(timeout);
        }

        return builder.Build();
    }

    private sealed record AttemptState(
        GoogleApiHttp Self, HttpMethod Method, Uri Uri, Action<int> Observe, string? Body, string? Token, CancellationToken Caller, RequestPacer? Pacer,
        StrongBox<RequestPacer.Lease?> Admitted);
}
