using Crema.Abstractions;

namespace Crema.Scalers.External;

/// <summary>The <c>external-push</c> trigger: polled like <c>external</c>, plus a StreamIsActive stream.</summary>
internal sealed class ExternalPushScalerFactory : ScalerFactory<ExternalMetadata>
{
    public override string Type => "external-push";

    /// <inheritdoc />
    public override string Description => "a KEDA external scaler over gRPC, with pushed activity";

    /// <inheritdoc />
    public override string DocumentationPage => "external";

    protected override ExternalMetadata Bind(MetadataBinder binder) => ExternalMetadata.Bind(binder);

    protected override IScaler Create(ExternalMetadata metadata, ScalerContext context)
    {
        var client = ExternalScalerClient.Create(metadata, context);
        var poller = new ExternalScaler(client, ExternalScaler.CreateReference(metadata, context), ExternalScaler.DefaultCallDeadline);
        return new ExternalPushScaler(poller, client, context.TimeProvider);
    }
}
