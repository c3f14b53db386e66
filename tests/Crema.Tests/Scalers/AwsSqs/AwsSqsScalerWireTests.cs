using System.Text.Json;
using Crema.Scalers.AwsSqs;
using Crema.Tests.Support;

namespace Crema.Tests.Scalers.AwsSqs;

/// <summary>What the scaler sends (AWS JSON 1.0, SigV4) and how it reads the reply, against <see cref="SqsStandIn"/>.</summary>
public sealed class AwsSqsScalerWireTests
{
    [Fact]
    public async Task Read_DefaultFlags_SendsSignedJsonGetQueueAttributesAndSumsVisibleAndInFlight()
    {
        await using var sqs = await StartAsync();
        sqs.Queues[AwsSqsTriggers.QueueUrl] = (200, 100, 50);
        await using var scaler = AwsSqsTriggers.Create(sqs.Endpoint, "queueLength=10|activationQueueLength=250");

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(300);
        reading.Target.ShouldBe(10);
        reading.IsActive.ShouldBeTrue();
        var request = sqs.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe("POST");
        request.PathAndQuery.ShouldBe("/");
        request.Target.ShouldBe("AmazonSQS.GetQueueAttributes");
        request.ContentType.ShouldStartWith("application/x-amz-json-1.0");
        request.Authorization.ShouldStartWith($"AWS4-HMAC-SHA256 Credential={AwsSqsTriggers.AccessKeyId}/");
        request.Authorization.ShouldContain("/eu-west-1/sqs/aws4_request");
        using var body = JsonDocument.Parse(request.Body);
        body.RootElement.GetProperty("QueueUrl").GetString().ShouldBe(AwsSqsTriggers.QueueUrl);
        body.RootElement.GetProperty("AttributeNames").EnumerateArray().Select(e => e.GetString()).ShouldBe(["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"]);
        request.Body.ShouldNotContain(AwsSqsTriggers.SecretAccessKey);
        string.Join("\n", request.Headers.Values).ShouldNotContain(AwsSqsTriggers.SecretAccessKey);
    }

    [Theory]
    [InlineData("scaleOnInFlight=false", 200)]
    [InlineData("scaleOnDelayed=true", 350)]
    [InlineData("scaleOnInFlight=false|scaleOnDelayed=true", 250)]
    [InlineData("scaleOnInFlight=true|scaleOnDelayed=false", 300)]
    public async Task Read_ScaleOnFlags_SumKedasAttributes(string flags, double expected)
    {
        await using var sqs = await StartAsync();
        sqs.Queues[AwsSqsTriggers.QueueUrl] = (200, 100, 50);
        await using var scaler = AwsSqsTriggers.Create(sqs.Endpoint, flags);

        (await scaler.ReadAsync(CancellationToken.None)).Value.ShouldBe(expected);
    }

    [Fact]
    public async Task Read_EmptyQueue_IsInactiveAtZero()
    {
        await using var sqs = await StartAsync();
        sqs.Queues[AwsSqsTriggers.QueueUrl] = (0, 0, 7);
        await using var scaler = AwsSqsTriggers.Create(sqs.Endpoint);

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(0);
        reading.IsActive.ShouldBeFalse();
    }

    [Fact]
    public async Task Read_SessionToken_IsSentAsSecurityTokenAndSigned()
    {
        await using var sqs = await StartAsync();
        sqs.Queues[AwsSqsTriggers.QueueUrl] = (4, 0, 0);
        await using var scaler = AwsSqsTriggers.Create(sqs.Endpoint, auth: AwsSqsTriggers.StaticCredentials + "|awsSessionToken=FwoGZXIvYXdzEXAMPLE");

        (await scaler.ReadAsync(CancellationToken.None)).Value.ShouldBe(4);
        var request = sqs.Requests.ShouldHaveSingleItem();
        request.Headers["X-Amz-Security-Token"].ShouldBe("FwoGZXIvYXdzEXAMPLE");
        request.Authorization.ShouldContain("x-amz-security-token");
    }

    [Fact]
    public async Task Read_ShortQueueName_IsSentAsGiven()
    {
        await using var sqs = await StartAsync();
        sqs.Queues["orders"] = (9, 0, 0);
        await using var scaler = AwsSqsTriggers.Create(sqs.Endpoint, "queueURL=orders|scaleOnInFlight=false");

        (await scaler.ReadAsync(CancellationToken.None)).Value.ShouldBe(9);
    }

    [Fact]
    public async Task Read_RegionFromAuthParams_ScopesTheSignature()
    {
        await using var sqs = await StartAsync();
        sqs.Queues[AwsSqsTriggers.QueueUrl] = (1, 0, 0);
        await using var scaler = AwsSqsTriggers.Create(sqs.Endpoint, "-awsRegion", AwsSqsTriggers.StaticCredentials + "|awsRegion=us-west-2");

        await scaler.ReadAsync(CancellationToken.None);

        SigV4Verifier.Region(sqs.Requests.ShouldHaveSingleItem().Authorization).ShouldBe("us-west-2");
    }

    [Fact]
    public async Task Read_IdentityOwnerOperator_SignsWithCremasEnvironmentCredentials()
    {
        await using var sqs = await StartAsync();
        sqs.Keys["AKIACREMAOWN"] = "crema-own-secret";
        sqs.Queues[AwsSqsTriggers.QueueUrl] = (3, 0, 0);
        var environment = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "AKIACREMAOWN", ["AWS_SECRET_ACCESS_KEY"] = "crema-own-secret" };
        await using var scaler = AwsSqsTriggers.Create(sqs.Endpoint, "identityOwner=operator", auth: "", environment: environment);

        (await scaler.ReadAsync(CancellationToken.None)).Value.ShouldBe(3);
        SigV4Verifier.AccessKeyId(sqs.Requests.ShouldHaveSingleItem().Authorization).ShouldBe("AKIACREMAOWN");
    }

    [Fact]
    public async Task Read_IdentityOwnerOperatorWithoutEnvironmentCredentials_FailsWithoutCalling()
    {
        await using var sqs = await StartAsync();
        await using var scaler = AwsSqsTriggers.Create(sqs.Endpoint, "identityOwner=operator", auth: "");

        var error = await Should.ThrowAsync<AwsSqsException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.Message.ShouldBe("aws-sqs-queue: queue orders: identityOwner operator uses Crema's own AWS credentials, and its environment lacks AWS_ACCESS_KEY_ID or AWS_SECRET_ACCESS_KEY");
        sqs.Requests.ShouldBeEmpty();
    }

    [Fact]
    public void ClientConfig_NoEndpoint_UsesTheRegionsEndpointAndNoRetries()
    {
        var (metadata, _) = AwsSqsTriggers.Bind("");

        var config = AwsSqsScaler.ClientConfig(metadata);

        config.RegionEndpoint.ShouldBe(Amazon.RegionEndpoint.EUWest1);
        config.ServiceURL.ShouldBeNull();
        config.MaxErrorRetry.ShouldBe(0);
        config.IgnoreConfiguredEndpointUrls.ShouldBeTrue();
    }

    private static async Task<SqsStandIn> StartAsync()
    {
        var sqs = await SqsStandIn.StartAsync();
        sqs.Keys[AwsSqsTriggers.AccessKeyId] = AwsSqsTriggers.SecretAccessKey;
        return sqs;
    }
}
