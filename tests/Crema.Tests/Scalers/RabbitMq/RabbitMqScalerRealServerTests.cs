using System.Globalization;
using Crema.Tests.Support;
using RabbitMQ.Client;
using Xunit.Abstractions;
using static Crema.Tests.Scalers.RabbitMq.RabbitMqTriggers;

namespace Crema.Tests.Scalers.RabbitMq;

/// <summary>The scaler against a real RabbitMQ node: AMQP and the management API, counts, regex, credentials, TLS.</summary>
[Collection(RabbitMqServerCollection.Name)]
public sealed class RabbitMqScalerRealServerTests(RabbitMqServerFixture fixture, ITestOutputHelper output)
{
    private const string User = "worker";
    private const string Password = "s3cret-Pa55";

    private RabbitMqServer Server => fixture.Server;

    private string Amqp(string vhost, string user = User, string password = Password) =>
        $"amqp://{user}:{Uri.EscapeDataString(password)}@127.0.0.1:{Port(Server.Ports.Amqp)}/{Uri.EscapeDataString(vhost)}";

    private string Http(string vhost, string user = User, string password = Password) =>
        $"http://{user}:{Uri.EscapeDataString(password)}@127.0.0.1:{Port(Server.Ports.Management)}/{Uri.EscapeDataString(vhost)}";

    [Fact]
    public async Task Read_QueueWithMessages_CountsOverAmqpAndHttp()
    {
        output.WriteLine($"rabbitmq-server answered after {Server.StartTime.TotalSeconds:0.0} s");
        var vhost = await fixture.NewVhostAsync(User, Password);
        await Server.Management.DeclareQueueAsync(vhost, "jobs");
        await Server.Management.PublishAsync(vhost, "jobs", 7);
        await Server.Management.WaitForCountsAsync(vhost, "jobs", 7, 7);

        var (amqp, amqpError) = await ReadOnceAsync($"host={Amqp(vhost)}|queueName=jobs|mode=QueueLength|value=5");
        var (http, httpError) = await ReadOnceAsync($"host={Http(vhost)}|queueName=jobs|mode=QueueLength|value=5|activationValue=7");

        amqpError.ShouldBeNull();
        amqp!.Value.Value.ShouldBe(7);
        amqp.Value.Target.ShouldBe(5);
        amqp.Value.IsActive.ShouldBeTrue();
        httpError.ShouldBeNull();
        http!.Value.Value.ShouldBe(7);
        http.Value.IsActive.ShouldBeFalse();
    }

    [Fact]
    public async Task Read_UnacknowledgedMessages_CountedOverHttpUnlessExcluded()
    {
        var vhost = await fixture.NewVhostAsync(User, Password);
        await Server.Management.DeclareQueueAsync(vhost, "jobs");
        await Server.Management.PublishAsync(vhost, "jobs", 5);
        await using var consumer = await ConnectAsync(vhost);
        await using var channel = await consumer.CreateChannelAsync();
        // Two deliveries held without an ack: unacknowledged while the channel stays open.
        (await channel.BasicGetAsync("jobs", autoAck: false)).ShouldNotBeNull();
        (await channel.BasicGetAsync("jobs", autoAck: false)).ShouldNotBeNull();
        await Server.Management.WaitForCountsAsync(vhost, "jobs", 5, 3);

        var all = await ReadOnceAsync($"host={Http(vhost)}|queueName=jobs");
        var ready = await ReadOnceAsync($"host={Http(vhost)}|queueName=jobs|excludeUnacknowledged=true");
        var amqp = await ReadOnceAsync($"host={Amqp(vhost)}|queueName=jobs");

        all.Reading!.Value.Value.ShouldBe(5);
        all.Reading.Value.Target.ShouldBe(20);
        ready.Reading!.Value.Value.ShouldBe(3);
        amqp.Reading!.Value.Value.ShouldBe(3);
    }

    [Theory]
    [InlineData("sum", 9)]
    [InlineData("max", 6)]
    [InlineData("avg", 4)]
    public async Task Read_UseRegex_CombinesTheMatchingQueues(string operation, double expected)
    {
        var vhost = await fixture.NewVhostAsync(User, Password);
        foreach (var (queue, count) in new[] { ("orders.eu", 3), ("orders.us", 6), ("audit", 40) })
        {
            await Server.Management.DeclareQueueAsync(vhost, queue);
            await Server.Management.PublishAsync(vhost, queue, count);
            await Server.Management.WaitForCountsAsync(vhost, queue, count, count);
        }

        var (reading, error) = await ReadOnceAsync($"host={Http(vhost)}|queueName=^orders\\..*$|useRegex=true|operation={operation}|pageSize=10");

        error.ShouldBeNull();
        reading!.Value.Value.ShouldBe(expected);
        reading.Value.Details!["queues_matched"].ShouldBe(2);
    }

    [Fact]
    public async Task Read_UseRegexMatchingMoreThanOnePage_IsAnError()
    {
        var vhost = await fixture.NewVhostAsync(User, Password);
        await Server.Management.DeclareQueueAsync(vhost, "a1");
        await Server.Management.DeclareQueueAsync(vhost, "a2");

        var (_, error) = await ReadOnceAsync($"host={Http(vhost)}|queueName=^a|useRegex=true|pageSize=1");

        error.ShouldBe($"rabbitmq management API at http://127.0.0.1:{Port(Server.Ports.Management)}/{Uri.EscapeDataString(vhost)}: the pattern \"^a\" matches more queues than one page of 1 holds; raise pageSize or narrow queueName");
    }

    [Fact]
    public async Task Read_VhostNameAndSeparateCredentials_OverrideTheHostUrl()
    {
        var vhost = await fixture.NewVhostAsync(User, Password);
        await Server.Management.DeclareQueueAsync(vhost, "jobs");
        await Server.Management.PublishAsync(vhost, "jobs", 2);
        await Server.Management.WaitForCountsAsync(vhost, "jobs", 2, 2);
        var auth = $"username={User}|password={Password}|vhostName={vhost}";

        var amqp = await ReadOnceAsync($"host=amqp://nobody:wrong@127.0.0.1:{Port(Server.Ports.Amqp)}/other|queueName=jobs", auth);
        var http = await ReadOnceAsync($"host=http://127.0.0.1:{Port(Server.Ports.Management)}/|queueName=jobs", auth);

        amqp.Error.ShouldBeNull();
        amqp.Reading!.Value.Value.ShouldBe(2);
        http.Error.ShouldBeNull();
        http.Reading!.Value.Value.ShouldBe(2);
    }

    [Fact]
    public async Task Read_WrongPassword_NamesHostAndUserButNotThePassword()
    {
        var vhost = await fixture.NewVhostAsync(User, Password);
        await Server.Management.DeclareQueueAsync(vhost, "jobs");

        var (_, amqpError) = await ReadOnceAsync($"host={Amqp(vhost, password: "Wr0ng-Pa55")}|queueName=jobs");
        var (_, httpError) = await ReadOnceAsync($"host={Http(vhost, password: "Wr0ng-Pa55")}|queueName=jobs");

        amqpError.ShouldBe($"rabbitmq at 127.0.0.1:{Port(Server.Ports.Amqp)}: login refused for user \"worker\"; check username and password (or the host URL's user info)");
        httpError.ShouldStartWith($"rabbitmq management API at http://127.0.0.1:{Port(Server.Ports.Management)}/{Uri.EscapeDataString(vhost)} refused user \"worker\" (HTTP 401)");
        foreach (var error in new[] { amqpError!, httpError! })
        {
            error.ShouldNotContain("Wr0ng");
            error.ShouldNotContain(Password);
        }
    }

    [Fact]
    public async Task Read_MissingQueue_NamesQueueAndVhost()
    {
        var vhost = await fixture.NewVhostAsync(User, Password);

        var (_, amqpError) = await ReadOnceAsync($"host={Amqp(vhost)}|queueName=absent");
        var (_, httpError) = await ReadOnceAsync($"host={Http(vhost)}|queueName=absent");

        amqpError.ShouldStartWith($"rabbitmq at 127.0.0.1:{Port(Server.Ports.Amqp)}: queue \"absent\" not found in vhost \"{vhost}\" (NOT_FOUND");
        httpError.ShouldBe($"rabbitmq management API at http://127.0.0.1:{Port(Server.Ports.Management)}/{Uri.EscapeDataString(vhost)}: queue \"absent\" not found in vhost \"{vhost}\" (HTTP 404)");
    }

    [Fact]
    public async Task Read_MissingVhost_NamesTheVhost()
    {
        var vhost = await fixture.NewVhostAsync(User, Password);

        var (_, amqpError) = await ReadOnceAsync($"host={Amqp(vhost)}|queueName=jobs|vhostName=no-such-vhost");
        var (_, httpError) = await ReadOnceAsync($"host={Http(vhost)}|queueName=jobs|vhostName=no-such-vhost");

        amqpError.ShouldStartWith($"rabbitmq at 127.0.0.1:{Port(Server.Ports.Amqp)}: vhost \"no-such-vhost\" not found or not open to user \"worker\"");
        httpError.ShouldStartWith($"rabbitmq management API at http://127.0.0.1:{Port(Server.Ports.Management)}/{Uri.EscapeDataString(vhost)}");
        httpError.ShouldContain("vhost \"no-such-vhost\"");
    }

    [Fact]
    public async Task Read_ServerDown_NamesTheAddress()
    {
        var port = Port(FreeTcpPort.Next());

        var (_, amqpError) = await ReadOnceAsync($"host=amqp://worker:{Password}@127.0.0.1:{port}/|queueName=jobs");
        var (_, httpError) = await ReadOnceAsync($"host=http://worker:{Password}@127.0.0.1:{port}/|queueName=jobs");

        amqpError.ShouldStartWith($"rabbitmq at 127.0.0.1:{port}: cannot connect (ConnectionRefused");
        httpError.ShouldStartWith($"rabbitmq management API at http://127.0.0.1:{port} (user \"worker\"): rabbitmq management API request failed: Connection refused");
        amqpError.ShouldNotContain(Password);
        httpError.ShouldNotContain(Password);
    }

    private async Task<IConnection> ConnectAsync(string vhost) =>
        await new ConnectionFactory { HostName = "127.0.0.1", Port = Server.Ports.Amqp, VirtualHost = vhost, UserName = User, Password = Password }.CreateConnectionAsync();

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
