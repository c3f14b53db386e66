using Crema.Scalers.AwsSqs;

namespace Crema.Tests.Scalers.AwsSqs;

/// <summary>KEDA's TestProcessQueueLengthFromSqsQueueAttributesOutput and its queue URL cases, as table tests.</summary>
public sealed class AwsSqsAttributesTests
{
    private static readonly string[] All = [AwsSqsAttributes.Visible, AwsSqsAttributes.NotVisible, AwsSqsAttributes.Delayed];

    [Theory]
    [InlineData("1", "0", "0", 1)]
    [InlineData("2147483647", "0", "0", 2147483647)]
    [InlineData("2147483648", "0", "0", 2147483648)]
    [InlineData("200", "100", "50", 350)]
    public void Sum_EveryAttributeAnInteger_AddsThem(string visible, string notVisible, string delayed, long expected)
    {
        var attributes = new Dictionary<string, string> { [AwsSqsAttributes.Visible] = visible, [AwsSqsAttributes.NotVisible] = notVisible, [AwsSqsAttributes.Delayed] = delayed };

        AwsSqsAttributes.Sum(All, attributes, "q").ShouldBe(expected);
    }

    [Fact]
    public void Sum_OnlyTheAskedForAttributes_AreAdded()
    {
        var attributes = new Dictionary<string, string> { [AwsSqsAttributes.Visible] = "200", [AwsSqsAttributes.NotVisible] = "100", [AwsSqsAttributes.Delayed] = "50" };

        AwsSqsAttributes.Sum([AwsSqsAttributes.Visible], attributes, "q").ShouldBe(200);
        AwsSqsAttributes.Sum([AwsSqsAttributes.Visible, AwsSqsAttributes.Delayed], attributes, "q").ShouldBe(250);
    }

    [Fact]
    public void Sum_MissingAttribute_Throws()
    {
        var error = Should.Throw<AwsSqsException>(() => AwsSqsAttributes.Sum(All, new Dictionary<string, string>(), "orders"));

        error.Message.ShouldBe("aws-sqs-queue: queue orders: attribute ApproximateNumberOfMessages is missing from the GetQueueAttributes response");
    }

    [Fact]
    public void Sum_NoAttributesAtAll_Throws()
    {
        Should.Throw<AwsSqsException>(() => AwsSqsAttributes.Sum(All, null, "orders"));
    }

    [Fact]
    public void Sum_NotAnInteger_ThrowsWithTheEscapedValue()
    {
        var attributes = new Dictionary<string, string> { [AwsSqsAttributes.Visible] = "NotInt\n", [AwsSqsAttributes.NotVisible] = "0", [AwsSqsAttributes.Delayed] = "0" };

        var error = Should.Throw<AwsSqsException>(() => AwsSqsAttributes.Sum(All, attributes, "orders"));

        error.Message.ShouldBe("aws-sqs-queue: queue orders: attribute ApproximateNumberOfMessages is \"NotInt \", not an integer");
    }

    [Theory]
    [InlineData("https://sqs.eu-west-1.amazonaws.com/account_id/DeleteArtifactQ", "DeleteArtifactQ")]
    [InlineData("my-queue", "my-queue")]
    [InlineData("http://localhost:4566/000000000000/jobs", "jobs")]
    [InlineData("/000000000000/jobs", "jobs")]
    [InlineData("orders.fifo", "orders.fifo")]
    public void QueueName_UrlOrShortName_IsKedasName(string queueUrl, string expected)
    {
        AwsSqsQueueUrl.QueueName(queueUrl, out var error).ShouldBe(expected);
        error.ShouldBeNull();
    }

    [Theory]
    [InlineData("https://sqs.eu-west-1.amazonaws.com/account_id")]
    [InlineData("https://sqs.eu-west-1.amazonaws.com")]
    [InlineData("https://sqs.eu-west-1.amazonaws.com/account_id/")]
    [InlineData("/only-one")]
    public void QueueName_UrlWithoutAccountAndName_IsAnError(string queueUrl)
    {
        AwsSqsQueueUrl.QueueName(queueUrl, out var error).ShouldBeNull();
        error.ShouldNotBeNull();
    }
}
