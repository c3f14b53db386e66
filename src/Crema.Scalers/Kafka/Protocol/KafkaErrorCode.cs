namespace Crema.Scalers.Kafka.Protocol;

/// <summary>The broker error codes this client acts on (kafka.apache.org/protocol#protocol_error_codes).</summary>
internal enum KafkaErrorCode : short
{
    None = 0,
    OffsetOutOfRange = 1,
    UnknownTopicOrPartition = 3,
    LeaderNotAvailable = 5,
    NotLeaderOrFollower = 6,
    RequestTimedOut = 7,
    CoordinatorLoadInProgress = 14,
    CoordinatorNotAvailable = 15,
    NotCoordinator = 16,
    RebalanceInProgress = 27,
    GroupAuthorizationFailed = 30,
    TopicAuthorizationFailed = 29,
    UnsupportedSaslMechanism = 33,
    IllegalSaslState = 34,
    UnsupportedVersion = 35,
    SaslAuthenticationFailed = 58,
    FencedLeaderEpoch = 74,
    UnknownLeaderEpoch = 75,
    OffsetNotAvailable = 78,
    UnstableOffsetCommit = 88,
}
