using Grpc.Net.Client;

namespace Crema.Scalers.External;

/// <summary>
/// One trigger's use of a shared <see cref="GrpcChannel"/> from <see cref="ExternalChannelPool"/>.
/// Disposing it (once; later calls do nothing) returns the channel, which closes when its last user goes.
/// </summary>
internal sealed class ExternalChannelLease : IDisposable
{
    private Action? release;

    public ExternalChannelLease(Uri address, GrpcChannel channel, Action release)
    {
        Address = address;
        Channel = channel;
        this.release = release;
    }

    /// <summary>The server root, for example <c>http://127.0.0.1:6000/</c>.</summary>
    public Uri Address { get; }

    public GrpcChannel Channel { get; }

    public void Dispose() => Interlocked.Exchange(ref release, null)?.Invoke();
}
