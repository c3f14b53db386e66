using System.Globalization;
using System.Runtime.CompilerServices;
using Crema.Abstractions;
using Crema.Scalers.External.Protocol;
using Grpc.Core;

namespace Crema.Scalers.External;

/// <summary>
/// The four calls of KEDA's <c>externalscaler.ExternalScaler</c> service that Crema uses, through the
/// Grpc.Tools-generated client on a shared channel. Every failure surfaces as an
/// <see cref="ExternalScalerCallException"/> naming the method and status; cancellation by the caller
/// stays an <see cref="OperationCanceledException"/>. Disposing returns the channel to its pool.
/// </summary>
internal sealed class ExternalScalerClient : IDisposable
{
    private const string Service = "/externalscaler.ExternalScaler/";

    // Grpc.Net.Client's own wording when a response is over MaxReceiveMessageSize.
    private const string OverLimitDetail = "Received message exceeds the maximum configured message size";

    private readonly ExternalChannelLease lease;
    private readonly Protocol.ExternalScaler.ExternalScalerClient grpc;
    private readonly TimeProvider timeProvider;

    public ExternalScalerClient(ExternalChannelLease lease, TimeProvider timeProvider)
    {
        this.lease = lease;
        this.timeProvider = timeProvider;
        grpc = new Protocol.ExternalScaler.ExternalScalerClient(lease.Channel);
    }

    public Uri Address => lease.Address;

    /// <summary>A client on the pooled channel for the trigger's address and TLS settings.</summary>
    public static ExternalScalerClient Create(ExternalMetadata metadata, ScalerContext context) =>
        new(ExternalChannelPool.Rent(context.Services, metadata.Address, metadata.Http), context.TimeProvider);

    public async Task<bool> IsActiveAsync(ScaledObjectRef reference, TimeSpan deadline, CancellationToken cancellationToken) =>
        (await UnaryAsync("IsActive", options => grpc.IsActiveAsync(reference, options), deadline, cancellationToken).ConfigureAwait(false)).Result;

    public Task<GetMetricSpecResponse> GetMetricSpecAsync(ScaledObjectRef reference, TimeSpan deadline, CancellationToken cancellationToken) =>
        UnaryAsync("GetMetricSpec", options => grpc.GetMetricSpecAsync(reference, options), deadline, cancellationToken);

    public Task<GetMetricsResponse> GetMetricsAsync(GetMetricsRequest request, TimeSpan deadline, CancellationToken cancellationToken) =>
        UnaryAsync("GetMetrics", options => grpc.GetMetricsAsync(request, options), deadline, cancellationToken);

    /// <summary>
    /// Yields each <c>IsActiveResponse.result</c>; ends when the server closes the stream with OK.
    /// No deadline, as in KEDA: the stream is meant to stay open. Ending the enumeration resets the stream.
    /// </summary>
    public async IAsyncEnumerable<bool> StreamIsActiveAsync(ScaledObjectRef reference, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        const string Method = Service + "StreamIsActive";
        using var call = Start(Method, () => grpc.StreamIsActive(reference, new CallOptions(cancellationToken: cancellationToken)));
        while (true)
        {
            bool more;
            try
            {
                more = await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false);
            }
            catch (RpcException ex)
            {
                throw Describe(Method, ex);
            }
            if (!more)
            {
                yield break;
            }
            yield return call.ResponseStream.Current.Result;
        }
    }

    public void Dispose() => lease.Dispose();

    /// <summary>
    /// One unary call with a deadline. Grpc.Net.Client takes the deadline as a wall-clock DateTime,
    /// sends it as <c>grpc-timeout</c> and enforces it with its own wall-clock timer, so that deadline
    /// comes from the system clock. The same timeout is also measured on the injected TimeProvider,
    /// the clock Crema's loops (and tests) run on; whichever expires first gives DEADLINE_EXCEEDED.
    /// </summary>
    private async Task<TResponse> UnaryAsync<TResponse>(
        string name, Func<CallOptions, AsyncUnaryCall<TResponse>> start, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var method = Service + name;
        using var deadlineSource = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadlineSource.Token);
        var options = new CallOptions(deadline: TimeProvider.System.GetUtcNow().UtcDateTime + timeout, cancellationToken: linked.Token);
        try
        {
            using var call = Start(method, () => start(options));
            return await call.ResponseAsync.ConfigureAwait(false);
        }
        // Only the caller's token or a deadline ends a call early; with the system clock both deadlines
        // fall due together and either may be the one Grpc.Net.Client reports.
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ExternalScalerCallException(
                method, StatusCode.DeadlineExceeded, string.Create(CultureInfo.InvariantCulture, $"no reply within {timeout.TotalMilliseconds:0} ms"), ex);
        }
        catch (RpcException ex)
        {
            throw Describe(method, ex);
        }
    }

    private static T Start<T>(string method, Func<T> start)
    {
        try
        {
            return start();
        }
        catch (RpcException ex)
        {
            throw Describe(method, ex);
        }
    }

    private static ExternalScalerCallException Describe(string method, RpcException ex)
    {
        var detail = ex.Status.Detail;
        if (ex.StatusCode == StatusCode.ResourceExhausted && detail.StartsWith(OverLimitDetail, StringComparison.Ordinal))
        {
            detail = string.Create(CultureInfo.InvariantCulture,
                $"the response message is larger than the {ExternalChannelPool.MaxReceiveMessageSize / (1024 * 1024)} MiB Crema accepts from an external scaler");
        }
        // Grpc.Net.Client reports a TLS handshake failure as INTERNAL; like grpc-go (and KEDA), Crema
        // treats every failure of the HTTP/2 transport itself as UNAVAILABLE: the server was not reached.
        var code = ex.StatusCode == StatusCode.Internal && ex.Status.DebugException is HttpRequestException ? StatusCode.Unavailable : ex.StatusCode;
        return new ExternalScalerCallException(method, code, detail, ex);
    }
}
