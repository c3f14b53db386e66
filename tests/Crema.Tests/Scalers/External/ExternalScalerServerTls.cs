namespace Crema.Tests.Scalers.External;

/// <summary>PEM files for <see cref="ExternalScalerServer"/> to serve TLS; with a client CA it requires client certificates.</summary>
internal sealed record ExternalScalerServerTls(string CertificatePath, string KeyPath, string? ClientCaPath = null);
