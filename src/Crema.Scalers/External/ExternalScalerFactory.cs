using Crema.Abstractions;

namespace Crema.Scalers.External;

/// <summary>The <c>external</c> trigger: a KEDA external scaler reached over gRPC, polled.</summary>
internal sealed class ExternalScalerFactory : ScalerFactory<ExternalMetadata>
{
    public override string Type => "external";

    /// <inheritdoc />
    public override string Description => "a KEDA external scaler over gRPC";

    /// <inheritdoc />
    public override string DocumentationPage => "external";

    protected override ExternalMetadata Bind(MetadataBinder binder) => ExternalMetadata.Bind(binder);

    protected override IScaler Create(ExternalMetadata metadata, ScalerContext context) =>
        new ExternalScaler(
            ExternalScalerClient.Create(metadata, context),
            ExternalScaler.CreateReference(metadata, context),
            ExternalScaler.DefaultCallDeadline);
}
