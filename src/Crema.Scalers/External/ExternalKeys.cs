using Crema.Abstractions;

namespace Crema.Scalers.External;

/// <summary>
/// The keys the <c>external</c> and <c>external-push</c> triggers read themselves, declared once with KEDA 2.20's
/// names and sources (pkg/scalers/external_scaler.go, <c>externalScalerMetadata</c>'s <c>keda:</c> tags). Every
/// metadata entry, these included, is also forwarded to the server as <c>scalerMetadata</c>.
/// </summary>
internal static class ExternalKeys
{
    /// <summary>The server's gRPC address. Required; metadata only (a scalerAddressFromEnv is forwarded, not used).</summary>
    public static readonly MetadataKey ScalerAddress = MetadataKey.Named("scalerAddress").From(KeySource.TriggerMetadata).Required();

    /// <summary>Use TLS. Default false; metadata only. A caCert or client certificate turns TLS on too (as KEDA).</summary>
    public static readonly MetadataKey EnableTls = MetadataKey.Named("enableTLS").From(KeySource.TriggerMetadata).Default("false");

    /// <summary>Skip the server certificate's validation. Default false; metadata only.</summary>
    public static readonly MetadataKey UnsafeSsl = MetadataKey.Named("unsafeSsl").From(KeySource.TriggerMetadata).Default("false");

    /// <summary>PEM CA the server's certificate must chain to. Auth parameter.</summary>
    public static readonly MetadataKey CaCert = MetadataKey.Secret("caCert");

    /// <summary>PEM client certificate for mTLS, with <see cref="TlsClientKey"/>. Auth parameter.</summary>
    public static readonly MetadataKey TlsClientCert = MetadataKey.Secret("tlsClientCert");

    /// <summary>PEM client key for mTLS, with <see cref="TlsClientCert"/>. Auth parameter.</summary>
    public static readonly MetadataKey TlsClientKey = MetadataKey.Secret("tlsClientKey");
}
