using System.Runtime.CompilerServices;
using Crema.Abstractions;
using Grpc.Net.Client;

namespace Crema.Scalers.External;

/// <summary>
/// One <see cref="GrpcChannel"/> (one HTTP/2 connection pool) per host services, server address and
/// TLS settings, shared by every trigger that uses them, as KEDA shares a grpc.ClientConn. A channel
/// is created for its first user and disposed with its last, which closes its connections.
/// </summary>
internal sealed class ExternalChannelPool
{
    /// <summary>Largest response message accepted: 4 MiB, gRPC's usual default, stated rather than inherited.</summary>
    public const int MaxReceiveMessageSize = 4 * 1024 * 1024;

    private static readonly ConditionalWeakTable<IScalerServices, ExternalChannelPool> Pools = new();

    private readonly Lock gate = new();
    private readonly Dictionary<(Uri Address, HttpClientSettings Settings), (GrpcChannel Channel, int Users)> channels = [];

    /// <summary>Rents the channel for <paramref name="address"/> and <paramref name="settings"/>; dispose the lease when done.</summary>
    public static ExternalChannelLease Rent(IScalerServices services, Uri address, HttpClientSettings settings) =>
        Pools.GetValue(services, _ => new ExternalChannelPool()).Rent(address, settings);

    /// <summary>How many channels are open (for tests and diagnostics).</summary>
    public static int OpenChannels(IScalerServices services) =>
        Pools.TryGetValue(services, out var pool) ? pool.Count : 0;

    private int Count
    {
        get
        {
            lock (gate)
            {
                return channels.Count;
            }
        }
    }

    private ExternalChannelLease Rent(Uri address, HttpClientSettings settings)
    {
        var key = (address, settings);
        lock (gate)
        {
            var (channel, users) = channels.TryGetValue(key, out var entry) ? entry : (Create(address, settings), 0);
            channels[key] = (channel, users + 1);
            return new ExternalChannelLease(address, channel, () => Return(key));
        }
    }

    private void Return((Uri Address, HttpClientSettings Settings) key)
    {
        GrpcChannel channel;
        lock (gate)
        {
            var (shared, users) = channels[key];
            if (users > 1)
            {
                channels[key] = (shared, users - 1);
                return;
            }
            channels.Remove(key);
            channel = shared;
        }
        channel.Dispose();
    }

    private static GrpcChannel Create(Uri address, HttpClientSettings settings) =>
        GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            // The channel owns its handler (not one of IScalerServices' shared HttpClients, which live as
            // long as the host) so that disposing the channel closes its connections.
            HttpHandler = settings.CreateHandler(),
            MaxReceiveMessageSize = MaxReceiveMessageSize,
            // Cancellation by Crema (shutdown, read timeout, a disposed scaler) is not a server failure.
            ThrowOperationCanceledOnCancellation = true,
        });
}
