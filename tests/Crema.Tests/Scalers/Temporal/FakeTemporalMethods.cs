using Google.Protobuf;
using Grpc.Core;
using Temporalio.Api.WorkflowService.V1;

namespace Crema.Tests.Scalers.Temporal;

/// <summary>
/// The two WorkflowService methods as a server binds them, named from the vendored service descriptor
/// (not from the client stubs the scaler uses), with marshallers of the generated messages.
/// </summary>
internal static class FakeTemporalMethods
{
    private static readonly string Service = WorkflowService.Descriptor.FullName;

    public static readonly Method<DescribeTaskQueueRequest, DescribeTaskQueueResponse> DescribeTaskQueue =
        Unary(WorkflowService.Descriptor.FindMethodByName("DescribeTaskQueue").Name, DescribeTaskQueueRequest.Parser, DescribeTaskQueueResponse.Parser);

    public static readonly Method<DescribeWorkerDeploymentVersionRequest, DescribeWorkerDeploymentVersionResponse> DescribeWorkerDeploymentVersion =
        Unary(WorkflowService.Descriptor.FindMethodByName("DescribeWorkerDeploymentVersion").Name, DescribeWorkerDeploymentVersionRequest.Parser, DescribeWorkerDeploymentVersionResponse.Parser);

    private static Method<TRequest, TResponse> Unary<TRequest, TResponse>(string name, MessageParser<TRequest> request, MessageParser<TResponse> response)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse> =>
        new(MethodType.Unary, Service, name,
            Marshallers.Create(m => m.ToByteArray(), request.ParseFrom),
            Marshallers.Create(m => m.ToByteArray(), response.ParseFrom));
}
