namespace Crema.Tests.Scalers.Kafka;

/// <summary>
/// What the Go mock broker serves. Partition p of every topic is led by broker (p % Brokers) + 1;
/// each group's committed offsets are served by its coordinator (default broker 1).
/// </summary>
public sealed record KafkaMockState
{
    /// <summary>Number of brokers advertised in metadata, 1 to 3. Default 1.</summary>
    public int Brokers { get; init; } = 1;

    /// <summary>Topic name to partition count.</summary>
    public IReadOnlyDictionary<string, int> Topics { get; init; } = new Dictionary<string, int>();

    /// <summary>Topic to partition to log end offset.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<int, long>> EndOffsets { get; init; } = new Dictionary<string, IReadOnlyDictionary<int, long>>();

    /// <summary>Group to topic to partition to committed offset. Partitions left out have no commit.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<int, long>>> Committed { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<int, long>>>();

    /// <summary>Group to coordinator broker id (1-based). Default: broker 1.</summary>
    public IReadOnlyDictionary<string, int> Coordinators { get; init; } = new Dictionary<string, int>();

    /// <summary>How many FindCoordinator requests (per broker) answer COORDINATOR_NOT_AVAILABLE first.</summary>
    public int CoordinatorNotAvailable { get; init; }

    /// <summary>SASL the brokers require, or null for none.</summary>
    public KafkaMockSasl? Sasl { get; init; }

    /// <summary>The brokers' TLS certificate and key (PEM), or null for cleartext. Read at start only.</summary>
    public KafkaMockTls? Tls { get; init; }
}
