using Crema.Scalers.RabbitMq;
using static Crema.Tests.Scalers.RabbitMq.RabbitMqTriggers;

namespace Crema.Tests.Scalers.RabbitMq;

/// <summary>How the AMQP host URL is read (amqp091-go's ParseURI) and when SASL EXTERNAL is used (KEDA's TestRabbitMQBuildAMQPConfig).</summary>
public sealed class RabbitMqAmqpEndpointTests
{
    private static RabbitMqAmqpEndpoint Endpoint(string metadata, string auth = "") =>
        RabbitMqAmqpEndpoint.From(new RabbitMqScalerFactory().BindForTest(Context(metadata, auth)).Metadata);

    [Theory]
    [InlineData("amqp://rabbit", "rabbit", 5672, "/", "guest", "guest", false)]
    [InlineData("amqp://rabbit/", "rabbit", 5672, "/", "guest", "guest", false)]
    [InlineData("amqps://u:p%40ss@rabbit:5999/prod", "rabbit", 5999, "prod", "u", "p@ss", true)]
    [InlineData("amqps://rabbit/%2F", "rabbit", 5671, "/", "guest", "guest", true)]
    [InlineData("amqp://u@127.0.0.1:5236/team%2Fa", "127.0.0.1", 5236, "team/a", "u", "guest", false)]
    public void From_HostUrl_ReadsLikeAmqp091(string host, string hostName, int port, string vhost, string user, string password, bool tls)
    {
        var endpoint = Endpoint($"host={host}|queueName=q");

        endpoint.ShouldBe(new RabbitMqAmqpEndpoint(hostName, port, vhost, user, password, tls, false));
        endpoint.ToString().ShouldNotContain(password == "guest" ? "\u0000" : password);
    }

    [Fact]
    public void From_VhostNameAndCredentials_OverrideTheUrl() =>
        Endpoint("host=amqp://a:b@rabbit/one|queueName=q", "vhostName=two|username=c|password=d")
            .ShouldBe(new RabbitMqAmqpEndpoint("rabbit", 5672, "two", "c", "d", false, false));

    [Fact]
    public void From_TlsEnableOnAmqpScheme_UsesTls() =>
        Endpoint("host=amqp://rabbit/|queueName=q", "tls=enable").UseTls.ShouldBeTrue();

    [Theory]
    [InlineData("amqps://rabbit.namespace.svc:5671/", "tls=enable|cert=C|key=K", true)]
    [InlineData("amqps://CN=username@rabbit:5671/", "tls=enable|cert=C|key=K", true)]
    [InlineData("amqps://user:pass@rabbit:5671/", "tls=enable|cert=C|key=K", false)]
    [InlineData("amqps://rabbit:5671/", "tls=enable|cert=C|key=K|username=user|password=pass", false)]
    [InlineData("amqps://rabbit:5671/", "tls=enable|ca=CA", false)]
    [InlineData("amqps://rabbit:5671/", "tls=disable|cert=C|key=K", false)]
    public void From_ClientCertificateWithoutPassword_UsesSaslExternal(string host, string auth, bool external) =>
        Endpoint($"host={host}|queueName=q", auth).UseExternalAuth.ShouldBe(external);
}
