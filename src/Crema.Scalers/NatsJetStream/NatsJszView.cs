namespace Crema.Scalers.NatsJetStream;

/// <summary>What one /jsz reply says about the trigger's stream and consumer.</summary>
/// <param name="ClusterSize">meta_cluster.cluster_size; 0 when the server is not clustered.</param>
/// <param name="StreamFound">True when the account holds the stream.</param>
/// <param name="Consumer">The consumer, or null when the stream (or the consumer) is not there.</param>
internal sealed record NatsJszView(int ClusterSize, bool StreamFound, NatsConsumerLag? Consumer);
