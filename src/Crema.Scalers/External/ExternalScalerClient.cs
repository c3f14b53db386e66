using Crema.Scalers.External.Grpc;
using Crema.Scalers.External.Protocol;

namespace Crema.Scalers.External;

/// <summary>The four calls of KEDA's <c>externalscaler.ExternalScaler</c> service that Crema uses.</summary>
internal sealed class ExternalScalerClient
{
    private const string Service = "/externalscaler.ExternalScaler/";
    private readonly GrpcClient grpc;

    public ExternalScalerClient(GrpcClient grpc) => this.grpc = grpc;

    public Uri Address => grpc.Address;

    public async Task<bool> IsActiveAsync(ScaledObjectRef reference, TimeSpan deadline, CancellationToken cancellationToken) =>
        (await grpc.UnaryAsync(Service + "IsActive", reference, IsActiveResponse.Parser, deadline, cancellationToken).ConfigureAwait(false)).Result;

    public Task<GetMetricSpecResponse> GetMetricSpecAsync(ScaledObjectRef reference, TimeSpan deadline, CancellationToken cancellationToken) =>
        grpc.UnaryAsync(Service + "GetMetricSpec", reference, GetMetricSpecResponse.Parser, deadline, cancellationToken);

    public Task<GetMetricsResponse> GetMetricsAsync(GetMetricsRequest request, TimeSpan deadline, CancellationToken cancellationToken) =>
        grpc.UnaryAsync(Service + "GetMetrics", request, GetMetricsResponse.Parser, deadline, cancellationToken);

    /// <summary>Yields each <c>IsActiveResponse.result</c>; ends when the server closes the stream.</summary>
    public async IAsyncEnumerable<bool> StreamIsActiveAsync(
        ScaledObjectRef reference, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var response in grpc.ServerStreamingAsync(Service + "StreamIsActive", reference, IsActiveResponse.Parser, cancellationToken).ConfigureAwait(false))
        {
            yield return response.Result;
        }
    }
}
