using System.Collections.Concurrent;
using System.Text;
using Crema.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using static Crema.Tests.Scalers.RabbitMq.RabbitMqTriggers;

namespace Crema.Tests.Scalers.RabbitMq;

/// <summary>What the management API reader sends and how it reads replies, against a loopback stand-in.</summary>
public sealed class RabbitMqHttpWireTests
{
    private const string Queue = """{"messages": 4, "messages_ready": 3, "messages_unacknowledged": 1, "message_stats": {"publish_details": {"rate": 1.4}, "deliver_get_details": {"rate": 0.8}}, "name": "evaluate_trials"}""";

    private readonly ConcurrentQueue<(string Target, string? Authorization)> seen = new();

    private Task<HttpStub> StubAsync(int status, string body) => HttpStub.StartAsync(context =>
    {
        seen.Enqueue((context.Features.Get<IHttpRequestFeature>()!.RawTarget, context.Request.Headers.Authorization.ToString()));
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body);
    });

    [Fact]
    public async Task Read_Queue_SendsKedasPathAndTheUrlCredentialsAsBasic()
    {
        await using var stub = await StubAsync(200, Queue);
        var host = stub.BaseAddress.Replace("http://", "http://guest:p%40ss@", StringComparison.Ordinal) + "/sub1/team%2Fa";

        var (reading, error) = await ReadOnceAsync($"host={host}|queueName=evaluate_trials|mode=QueueLength|value=10");

        error.ShouldBeNull();
        reading!.Value.Value.ShouldBe(4);
        var (target, authorization) = seen.ShouldHaveSingleItem();
        target.ShouldBe("/sub1/api/queues/team%2Fa/evaluate_trials");
        authorization.ShouldBe("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("guest:p@ss")));
    }

    [Theory]
    [InlineData("mode=QueueLength|value=10|excludeUnacknowledged=true", 3)]
    [InlineData("mode=MessageRate|value=10", 1.4)]
    [InlineData("mode=DeliverGetRate|value=10", 0.8)]
    [InlineData("mode=PublishedToDeliveredRatio|value=1", 1.75)]
    [InlineData("mode=ExpectedQueueConsumptionTime|value=1", 5.75)]
    public async Task Read_Modes_ReadTheirFigure(string mode, double expected)
    {
        await using var stub = await StubAsync(200, Queue);

        var (reading, _) = await ReadOnceAsync($"host={stub.BaseAddress}/|queueName=q|{mode}");

        reading!.Value.Value.ShouldBe(expected, 1e-9);
        reading.Value.IsActive.ShouldBeTrue();
    }

    [Fact]
    public async Task Read_UsernameAndPassword_OverrideTheUrlsUserInfo()
    {
        await using var stub = await StubAsync(200, Queue);
        var host = stub.BaseAddress.Replace("http://", "http://old:old@", StringComparison.Ordinal) + "/";

        await ReadOnceAsync($"host={host}|queueName=q", "username=new|password=n3w");

        seen.ShouldHaveSingleItem().Authorization.ShouldBe("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("new:n3w")));
    }

    [Fact]
    public async Task Read_UseRegex_SendsKedasListingQuery()
    {
        await using var stub = await StubAsync(200, """{"items":[{"messages": 4}, {"messages": 0}], "page_count": 1}""");

        var (reading, _) = await ReadOnceAsync($"host={stub.BaseAddress}/|queueName=^evaluate_trials$|useRegex=true|pageSize=200");

        reading!.Value.Value.ShouldBe(4);
        seen.ShouldHaveSingleItem().Target.ShouldBe("/api/queues/%2F?page=1&use_regex=true&pagination=false&name=%5Eevaluate_trials%24&page_size=200");
    }

    /// <summary>KEDA's TestRegexQueueMissingError.</summary>
    [Theory]
    [InlineData("""{"items":[], "filtered_count": 250, "page": 1, "page_count": 3}""", true)]
    [InlineData("""{"items":[], "filtered_count": 250, "page": 1, "page_count": 1}""", false)]
    public async Task Read_UseRegexWithSeveralPages_IsAnError(string body, bool isError)
    {
        await using var stub = await StubAsync(200, body);

        var (reading, error) = await ReadOnceAsync($"host={stub.BaseAddress}|queueName=evaluate_trials|useRegex=true");

        (error is not null).ShouldBe(isError);
        if (!isError)
        {
            reading!.Value.Value.ShouldBe(0);
            reading.Value.IsActive.ShouldBeFalse();
        }
    }

    [Fact]
    public async Task Read_Unauthorized_NamesHostAndUserWithTheServersReasonAndNoSecret()
    {
        await using var stub = await StubAsync(401, "Password is incorrect");
        var host = stub.BaseAddress.Replace("http://", "http://guest:hunter2@", StringComparison.Ordinal) + "/";

        var (_, error) = await ReadOnceAsync($"host={host}|queueName=q");

        error.ShouldBe($"rabbitmq management API at {stub.BaseAddress} refused user \"guest\" (HTTP 401); check the credentials and the user's permissions on vhost \"/\" (rabbitmq management API request failed: HTTP 401 Unauthorized: Password is incorrect)");
        error!.ShouldNotContain("hunter2");
    }

    [Fact]
    public async Task Read_NotJson_SaysWhichPortToUse()
    {
        await using var stub = await StubAsync(200, "AMQP\0\0\x09\x01");

        var (_, error) = await ReadOnceAsync($"host={stub.BaseAddress}/|queueName=q");

        error.ShouldBe($"rabbitmq management API at {stub.BaseAddress}: the reply is not JSON (is the host the management plugin's port, usually 15672?)");
    }

    [Fact]
    public async Task Read_OAuth_SendsTheClientCredentialsTokenAsBearer()
    {
        await using var stub = await HttpStub.StartAsync(context =>
        {
            seen.Enqueue((context.Features.Get<IHttpRequestFeature>()!.RawTarget, context.Request.Headers.Authorization.ToString()));
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(context.Request.Path == "/token" ? """{"access_token": "tok-1", "expires_in": 300}""" : Queue);
        });

        var (reading, error) = await ReadOnceAsync($"host={stub.BaseAddress}/|queueName=q",
            $"oauthTokenURI={stub.BaseAddress}/token|clientID=crema|clientSecret=shh|scopes=rabbitmq.read");

        error.ShouldBeNull();
        reading!.Value.Value.ShouldBe(4);
        seen.Select(s => s.Target).ShouldBe(["/token", "/api/queues/%2F/q"]);
        seen.Last().Authorization.ShouldBe("Bearer tok-1");
    }
}
