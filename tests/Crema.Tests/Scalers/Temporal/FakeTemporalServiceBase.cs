using Grpc.Core;
using Temporalio.Api.WorkflowService.V1;

namespace Crema.Tests.Scalers.Temporal;

/// <summary>
/// The server side of the two WorkflowService methods, bound by hand (the scaler's generated code is
/// client-only): ASP.NET Core gRPC binds the overrides of these virtual methods.
/// </summary>
[BindServiceMethod(typeof(FakeTemporalServiceBase), nameof(BindService))]
internal abstract class FakeTemporalServiceBase
{
    public virtual Task<DescribeTaskQueueResponse> DescribeTaskQueue(DescribeTaskQueueRequest request, ServerCallContext context) =>
        throw new RpcException(new Status(StatusCode.Unimplemented, "DescribeTaskQueue"));

    public virtual Task<DescribeWorkerDeploymentVersionResponse> DescribeWorkerDeploymentVersion(DescribeWorkerDeploymentVersionRequest request, ServerCallContext context) =>
        throw new RpcException(new Status(StatusCode.Unimplemented, "DescribeWorkerDeploymentVersion"));

    public static void BindService(ServiceBinderBase binder, FakeTemporalServiceBase? service)
    {
        // ASP.NET Core finds the handlers by name on the service type; the delegates are not used.
        binder.AddMethod(FakeTemporalMethods.DescribeTaskQueue, service is null ? null : service.DescribeTaskQueue);
        binder.AddMethod(FakeTemporalMethods.DescribeWorkerDeploymentVersion, service is null ? null : service.DescribeWorkerDeploymentVersion);
    }
}
