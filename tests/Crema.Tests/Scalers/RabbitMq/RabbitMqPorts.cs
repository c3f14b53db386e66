namespace Crema.Tests.Scalers.RabbitMq;

/// <summary>The free loopback ports of one private RabbitMQ node.</summary>
internal sealed record RabbitMqPorts(int Amqp, int Amqps, int Management, int ManagementTls, int Epmd, int Distribution);
