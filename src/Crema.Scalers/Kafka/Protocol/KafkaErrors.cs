namespace Crema.Scalers.Kafka.Protocol;

/// <summary>Which broker errors are worth a retry, and how to word any error code.</summary>
internal static class KafkaErrors
{
    /// <summary>The group coordinator moved, is loading or the group is rebalancing: find it again and retry.</summary>
    public static bool IsCoordinatorRetriable(KafkaErrorCode code) => code is
        KafkaErrorCode.CoordinatorLoadInProgress or KafkaErrorCode.CoordinatorNotAvailable or
        KafkaErrorCode.NotCoordinator or KafkaErrorCode.RebalanceInProgress or KafkaErrorCode.UnstableOffsetCommit or
        KafkaErrorCode.RequestTimedOut;

    /// <summary>Partition leadership changed or is settling: refresh metadata and retry.</summary>
    public static bool IsLeaderRetriable(KafkaErrorCode code) => code is
        KafkaErrorCode.NotLeaderOrFollower or KafkaErrorCode.LeaderNotAvailable or KafkaErrorCode.FencedLeaderEpoch or
        KafkaErrorCode.UnknownLeaderEpoch or KafkaErrorCode.OffsetNotAvailable or KafkaErrorCode.RequestTimedOut;

    public static string Describe(short code) =>
        Enum.IsDefined((KafkaErrorCode)code) ? $"{(KafkaErrorCode)code} ({code})" : $"error code {code}";

    public static KafkaProtocolException ToException(short code, string what) =>
        new($"{what}: broker answered {Describe(code)}", (KafkaErrorCode)code);
}
