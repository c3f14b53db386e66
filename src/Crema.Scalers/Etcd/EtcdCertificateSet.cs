using System.Security.Cryptography.X509Certificates;

namespace Crema.Scalers.Etcd;

/// <summary>Trusted CA certificates that are disposed with the connection that holds them.</summary>
internal sealed class EtcdCertificateSet(X509Certificate2Collection certificates) : IDisposable
{
    public X509Certificate2Collection Certificates { get; } = certificates;

    public void Dispose()
    {
        foreach (var certificate in Certificates)
        {
            certificate.Dispose();
        }
    }
}
