using System.Text.Json;
using Crema.Abstractions;
using Crema.Google.Http;

namespace Crema.Google.CloudRun;

/// <summary>
/// Cloud Run Admin API v2 over HttpClient. Everything is async and per call: a slow operation on
/// one target never delays another. What targets share is the pacing of each HTTP request to the
/// quotas of their project and region (<see cref="CloudRunPacing"/>); following an operation and
/// backing off hold no place between requests.
/// </summary>
internal sealed class CloudRunClient : ICloudRunClient
{
    private const string ManualCountMask = "scaling.manualInstanceCount";
    private readonly GoogleApiHttp api;
    private readonly Uri baseAddress;
    private readonly TimeProvider time;
    private readonly CloudRunClientOptions options;
    private readonly CloudRunPacing pacing;
    private readonly ICloudRunCallObserver? observer;

    public CloudRunClient(
        HttpClient http,
        Uri baseAddress,
        IAccessTokenSource? tokens,
        TimeProvider time,
        CloudRunClientOptions? options = null,
        ICloudRunCallObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        this.options = options ?? CloudRunClientOptions.Default;
        this.baseAddress = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        this.time = time;
        this.observer = observer;
        pacing = new CloudRunPacing(this.options.Quota, time, this.options.Retry.MaxDelay);
        api = new GoogleApiHttp(http, tokens, [GoogleScopes.CloudPlatform], time, this.options.Retry);
    }

    public bool TryBudgetOptionalRead(string resourceName)
    {
        var region = pacing.For(CloudRunResourceName.Parse(resourceName));
        // Only when the read itself will not wait: a skipped re-read is tried again next poll.
        return region.Reads.Bucket.HasFree && region.OptionalReads.TryTake();
    }

    public async Task<CloudRunTarget> GetAsync(string resourceName, CancellationToken cancellationToken)
    {
        var name = CloudRunResourceName.Parse(resourceName);
        var response = await api.SendAsync(HttpMethod.Get, Url(name.Name), "get", null, Observe("get", resourceName), cancellationToken, pacing.For(name).Reads)
            .ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            var error = response.Error ?? new GoogleApiError(response.StatusCode, null, $"HTTP {response.StatusCode}");
            throw new GoogleApiException(Describe("reading", name.Name, response.StatusCode, error), response.StatusCode, error.Status);
        }

        try
        {
            return CloudRunJson.ReadTarget(response.Body, name);
        }
        catch (JsonException ex)
        {
            throw new GoogleApiException($"reading {name.Name}: {NotJson(ex)}", response.StatusCode, null);
        }
    }

    public Task<ScaleResult> SetInstanceCountAsync(string resourceName, int count, string? etag, CancellationToken cancellationToken) =>
        SetInstanceCountAsync(resourceName, count, etag, CancellationToken.None, cancellationToken);

    public async Task<ScaleResult> SetInstanceCountAsync(string resourceName, int count, string? etag, CancellationToken stopFollowing, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var parsed = CloudRunResourceName.Parse(resourceName);
        var name = parsed.Name;
        var region = pacing.For(parsed);
        try
        {
            var response = await api.SendAsync(
                HttpMethod.Patch,
                Url($"{name}?updateMask={ManualCountMask}"),
                "patch",
                CloudRunJson.ScaleBody(count, etag),
                Observe("patch", resourceName),
                cancellationToken,
                region.Writes).ConfigureAwait(false);
            if (!response.IsSuccess)
            {
                return FromHttpFailure(name, count, null, response);
            }

            using var follow = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopFollowing);
            try
            {
                return await FollowOperationAsync(name, resourceName, count, response.Body, region.Reads, follow.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && stopFollowing.IsCancellationRequested)
            {
                var operation = CloudRunJson.ReadOperation(response.Body).Name;
                return new ScaleResult(ScaleOutcome.Cancelled, name, count, operation, response.StatusCode,
                    Message: $"scaling {name} to {count}: accepted (operation {operation}); not followed to its end");
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new ScaleResult(ScaleOutcome.Cancelled, name, count, Message: $"scaling {name} to {count} was cancelled");
        }
        catch (JsonException ex)
        {
            return new ScaleResult(ScaleOutcome.Failed, name, count, Message: $"scaling {name} to {count}: {NotJson(ex)}");
        }
    }

    private async Task<ScaleResult> FollowOperationAsync(
        string name, string resourceName, int count, string patchBody, RequestPacer reads, CancellationToken cancellationToken)
    {
        var observe = Observe("operations.get", resourceName);
        var (operationName, done, error) = CloudRunJson.ReadOperation(patchBody);
        var deadline = time.GetUtcNow() + options.OperationTimeout;
        var delay = options.PollInitialDelay;
        while (!done)
        {
            if (operationName is null)
            {
                return new ScaleResult(ScaleOutcome.Failed, name, count, Message: $"scaling {name} to {count}: the API returned an unfinished operation without a name");
            }

            if (time.GetUtcNow() >= deadline)
            {
                return new ScaleResult(
                    ScaleOutcome.Failed, name, count, operationName, GoogleStatus: "DEADLINE_EXCEEDED",
                    Message: $"scaling {name} to {count}: operation {operationName} still running after {options.OperationTimeout.TotalSeconds:0} s");
            }

            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min((long)(delay.Ticks * 1.5), options.PollMaxDelay.Ticks));
            var poll = await api.SendAsync(HttpMethod.Get, Url(operationName), "operations.get", null, observe, cancellationToken, reads).ConfigureAwait(false);
            if (!poll.IsSuccess)
            {
                return FromHttpFailure(name, count, operationName, poll);
            }

            (_, done, error) = CloudRunJson.ReadOperation(poll.Body);
        }

        if (error is null)
        {
            return new ScaleResult(ScaleOutcome.Applied, name, count, operationName);
        }

        var outcome = error.Code == GoogleRpcCode.Aborted ? ScaleOutcome.Conflict : ScaleOutcome.Failed;
        return new ScaleResult(
            outcome, name, count, operationName, 0, error.Status,
            $"scaling {name} to {count}: operation {operationName} failed: {error}");
    }

    private static ScaleResult FromHttpFailure(string name, int count, string? operationName, GoogleApiResponse response)
    {
        var error = response.Error ?? new GoogleApiError(response.StatusCode, null, $"HTTP {response.StatusCode}");
        var conflict = response.StatusCode is 409 or 412 || string.Equals(error.Status, "ABORTED", StringComparison.Ordinal);
        return new ScaleResult(
            conflict ? ScaleOutcome.Conflict : ScaleOutcome.Failed,
            name,
            count,
            operationName,
            response.StatusCode,
            error.Status,
            Describe($"scaling to {count}", name, response.StatusCode, error));
    }

    private static string Describe(string action, string name, int status, GoogleApiError error) =>
        status == 0 ? $"{action} {name}: {error}" : $"{action} {name}: HTTP {status} {error}";

    // The target as the caller named it, so the label matches the scaled object's other series.
    private Action<int>? Observe(string method, string resourceName) =>
        observer is null ? null : status => observer.OnCall(method, resourceName, status);

    private Uri Url(string relative) => new(baseAddress, "v2/" + relative);

    /// <summary>The words for a reply that is not JSON; the parser's message quotes the reply, so it is escaped.</summary>
    internal static string NotJson(JsonException ex) => $"the reply is not valid JSON ({UntrustedText.Escape(ex.Message)})";
}
