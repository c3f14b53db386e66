using System.Net.Http.Headers;
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
    private readonly Action<string, int>? onCall;
    private readonly ResiliencePipeline<GoogleApiResponse> pipeline;

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
        pipeline = BuildPipeline(retry ?? GoogleApiRetryOptions.Default, time);
    }

    /// <summary>Sends <paramref name="method"/> to <paramref name="uri"/>; <paramref name="operation"/> names the call for the observer.</summary>
    public Task<GoogleApiResponse> SendAsync(
        HttpMethod method, Uri uri, string operation, string? jsonBody, CancellationToken cancellationToken) =>
        SendAsync(method, uri, operation, jsonBody, null, cancellationToken);

    /// <summary>
    /// As above; <paramref name="onAttempt"/>, when given, is told each attempt's HTTP status (0: no answer)
    /// instead of the client-wide observer, so a caller can attach what the call was about (its target).
    /// </summary>
    public async Task<GoogleApiResponse> SendAsync(
        HttpMethod method, Uri uri, string operation, string? jsonBody, Action<int>? onAttempt, CancellationToken cancellationToken)
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

        try
        {
            return await pipeline.ExecuteAsync(
                static async (state, attemptToken) =>
                    await state.Self.SendOnceAsync(state.Method, state.Uri, state.Observe, state.Body, state.Token, attemptToken, state.Caller)
                        .ConfigureAwait(false),
                (Self: this, Method: method, Uri: uri, Observe: onAttempt ?? (status => onCall?.Invoke(operation, status)), Body: jsonBody, Token: token, Caller: cancellationToken),
                cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException)
        {
            return Unreachable("DEADLINE_EXCEEDED", $"{method} {uri.AbsolutePath} timed out");
        }
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
            using var response = await http.SendAsync(request, attemptToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(attemptToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            observe(status);
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

    private static ResiliencePipeline<GoogleApiResponse> BuildPipeline(GoogleApiRetryOptions options, TimeProvider time)
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
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result?.RetryAfter is { } after && after > TimeSpan.Zero
                        ? (TimeSpan?)(after < options.MaxDelay ? after : options.MaxDelay)
                        : null),
            });
        }

        if (options.AttemptTimeout is { } timeout && timeout > TimeSpan.Zero)
        {
            builder.AddTimeout(timeout);
        }

        return builder.Build();
    }
}
