namespace Crema.Tests.Scalers.RabbitMq;

/// <summary>Tests against the private RabbitMQ node join this collection, so the node boots once for all of them.</summary>
[CollectionDefinition(Name)]
public sealed class RabbitMqServerCollection : ICollectionFixture<RabbitMqServerFixture>
{
    public const string Name = "rabbitmq-server";
}
