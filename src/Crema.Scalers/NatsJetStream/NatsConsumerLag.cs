namespace Crema.Scalers.NatsJetStream;

/// <summary>One consumer as a node's /jsz reports it.</summary>
/// <param name="Pending">num_pending: messages not yet delivered.</param>
/// <param name="AckPending">num_ack_pending: delivered, not yet acknowledged.</param>
/// <param name="Leader">cluster.leader, the server name of the consumer's leader; empty on a server outside a cluster.</param>
internal sealed record NatsConsumerLag(long Pending, long AckPending, string Leader)
{
    /// <summary>KEDA's lag: num_pending + num_ack_pending.</summary>
    public long Lag => Pending + AckPending;
}
