namespace Crema.Tests.Scalers.Kafka;

/// <summary>
/// Tests that start <see cref="KafkaMockBroker"/> join this collection so the Go program is built
/// once (by the fixture) and the tests run one after another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class KafkaMockBrokerCollection : ICollectionFixture<KafkaMockBrokerBuild>
{
    public const string Name = "kafka-mock-broker";
}
