using Crema.Abstractions;
using Crema.Scalers.AwsSqs;

namespace Crema.Tests.Scalers.AwsSqs;

/// <summary>Binding of every key, with KEDA 2.20's aws_sqs_queue_scaler_test.go cases transcribed and Crema's exact messages.</summary>
public sealed class AwsSqsMetadataTests
{
    private const string Proper = "queueURL=https://sqs.eu-west-1.amazonaws.com/account_id/DeleteArtifactQ|queueLength=1|awsRegion=eu-west-1";
    private const string Keys = "awsAccessKeyId=none|awsSecretAccessKey=none";
    private const string MissingId = "awsAccessKeyID: is required (as a parameter of the trigger's authenticationRef), with awsSecretAccessKey; or set identityOwner: operator to sign with Crema's own credentials (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)";
    private const string MissingRegion = "awsRegion: is required, in metadata or as a parameter of the trigger's authenticationRef";
    private const string MissingSecret = "awsSecretAccessKey: is required with awsAccessKeyID (as a parameter of the trigger's authenticationRef)";

    // KEDA's testAWSSQSMetadata, in its order; the podIdentity aws cases are left to the TriggerAuthentication
    // validator, which rejects provider aws (Crema has no AWS identity): see KedaDocExamplesTests (aws-sqs-queue-1).
    // KEDA's "integer queueLength" and "static credentials" cases repeat "properly formed queue and region" exactly.
    [Theory]
    [InlineData("-queueURL|-awsRegion", Keys, "queueURL: is required; " + MissingRegion)]
    [InlineData(Proper, Keys, "")]
    [InlineData(Proper + "|awsEndpoint=http://localhost:4566", Keys, "")]
    [InlineData("queueURL=https://sqs.eu-west-1.amazonaws.com/account_id|queueLength=1", Keys, "queueURL: \"https://sqs.eu-west-1.amazonaws.com/account_id\" has no queue name: a queue URL ends in /ACCOUNT_ID/QUEUE_NAME (or give the queue's short name)")]
    [InlineData("queueURL=https://sqs.eu-west-1.amazonaws.com|queueLength=1", Keys, "queueURL: \"https://sqs.eu-west-1.amazonaws.com\" has no queue name: a queue URL ends in /ACCOUNT_ID/QUEUE_NAME (or give the queue's short name)")]
    [InlineData(Proper + "|awsRegion=", Keys, MissingRegion)]
    [InlineData(Proper + "|queueLength=a", Keys, "queueLength: \"a\" is not an integer")]
    [InlineData(Proper + "|activationQueueLength=1", Keys, "")]
    [InlineData(Proper + "|activationQueueLength=a", Keys, "activationQueueLength: \"a\" is not an integer")]
    [InlineData(Proper, "awsAccessKeyId=none|awsSecretAccessKey=none|awsSessionToken=none", "")]
    [InlineData(Proper, "awsAccessKeyId=|awsSecretAccessKey=none", MissingId)]
    [InlineData(Proper, "awsAccessKeyId=none|awsSecretAccessKey=", MissingSecret)]
    [InlineData(Proper, "awsAccessKeyId=|awsSecretAccessKey=none|awsSessionToken=none", MissingId)]
    [InlineData(Proper, "awsAccessKeyId=none|awsSecretAccessKey=|awsSessionToken=none", MissingSecret)]
    [InlineData(Proper + "|identityOwner=operator", "awsAccessKeyId=|awsSecretAccessKey=", "")]
    [InlineData(Proper + "|identityOwner=operator", "awsRoleArn=none|awsAccessKeyId=|awsSecretAccessKey=", "")]
    [InlineData("queueURL=my-queue|queueLength=1", Keys, "")]
    [InlineData("queueURL=my-queue|queueLength=1|scaleOnInFlight=false", Keys, "")]
    [InlineData("queueURL=my-queue|queueLength=1|scaleOnInFlight=true", Keys, "")]
    [InlineData("-queueURL|queueLength=1", Keys, "queueURL: is required")]
    // Crema's further checks, each with its exact message.
    [InlineData(Proper, "awsRoleArn=arn:aws:iam::123456789012:role/reader", "awsRoleArn: " + AwsSqsScalerFactory.RoleArnUnsupported)]
    [InlineData(Proper, "awsRoleArn=arn:aws:iam::123456789012:role/reader|awsAccessKeyId=none|awsSecretAccessKey=none", "awsRoleArn: " + AwsSqsScalerFactory.RoleArnUnsupported)]
    [InlineData(Proper, "", MissingId)]
    [InlineData(Proper + "|identityOwner=node", Keys, "identityOwner: \"node\" is not one of: pod, operator")]
    [InlineData(Proper + "|queueLength=0", Keys, "queueLength: must be > 0, found 0")]
    [InlineData(Proper + "|scaleOnInFlight=yes", Keys, "scaleOnInFlight: \"yes\" is not a boolean (true or false)")]
    [InlineData(Proper + "|scaleOnDelayed=1", Keys, "scaleOnDelayed: \"1\" is not a boolean (true or false)")]
    [InlineData(Proper + "|awsEndpoint=localhost:4566", Keys, "awsEndpoint: \"localhost:4566\" is not an absolute http or https URL")]
    [InlineData(Proper + "|awsEndpoint=ftp://localhost", Keys, "awsEndpoint: \"ftp://localhost\" is not an absolute http or https URL")]
    [InlineData("queueURL=/123456789012/orders", Keys, "")]
    [InlineData("queueURL=https://sqs.eu-west-1.amazonaws.com/a/b/c", Keys, "queueURL: \"https://sqs.eu-west-1.amazonaws.com/a/b/c\" has no queue name: a queue URL ends in /ACCOUNT_ID/QUEUE_NAME (or give the queue's short name)")]
    [InlineData("-queueURL|-awsRegion|queueLength=x|scaleOnDelayed=maybe", "", "queueURL: is required; queueLength: \"x\" is not an integer; " + MissingRegion + "; scaleOnDelayed: \"maybe\" is not a boolean (true or false); " + MissingId)]
    public void Bind_KedaAndCremaCases_ReportExactlyTheseErrors(string metadata, string auth, string expected)
    {
        var (_, errors) = AwsSqsTriggers.Bind(metadata, auth);

        string.Join("; ", errors).ShouldBe(expected);
    }

    [Fact]
    public void Bind_OnlyRequiredKeys_TakesKedasDefaults()
    {
        var (metadata, errors) = AwsSqsTriggers.Bind("");

        errors.ShouldBeEmpty();
        metadata.QueueUrl.ShouldBe(AwsSqsTriggers.QueueUrl);
        metadata.QueueName.ShouldBe("orders");
        metadata.QueueLength.ShouldBe(5);
        metadata.ActivationQueueLength.ShouldBe(0);
        metadata.Region.ShouldBe("eu-west-1");
        metadata.Endpoint.ShouldBeNull();
        metadata.ScaleOnInFlight.ShouldBeTrue();
        metadata.ScaleOnDelayed.ShouldBeFalse();
        metadata.AttributeNames.ShouldBe(["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"]);
        metadata.Credentials.ShouldBe(new AwsCredentials(AwsSqsTriggers.AccessKeyId, AwsSqsTriggers.SecretAccessKey, null, FromEnvironment: false));
        metadata.Timeout.ShouldBe(TimeSpan.FromSeconds(3));
    }

    [Theory]
    [InlineData("scaleOnInFlight=false", new[] { "ApproximateNumberOfMessages" })]
    [InlineData("scaleOnDelayed=true", new[] { "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible", "ApproximateNumberOfMessagesDelayed" })]
    [InlineData("scaleOnInFlight=false|scaleOnDelayed=true", new[] { "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesDelayed" })]
    [InlineData("scaleOnInFlight=FALSE|scaleOnDelayed=false", new[] { "ApproximateNumberOfMessages" })]
    public void Bind_ScaleOnFlags_AskForKedasAttributes(string metadata, string[] expected)
    {
        var (bound, errors) = AwsSqsTriggers.Bind(metadata);

        errors.ShouldBeEmpty();
        bound.AttributeNames.ShouldBe(expected);
    }

    [Fact]
    public void Bind_FromEnv_ReadsQueueUrlKeyIdAndSecret()
    {
        var environment = new Dictionary<string, string> { ["QUEUE_URL"] = "https://sqs.us-east-2.amazonaws.com/1/jobs", ["KEY_ID"] = "AKIAENV", ["SECRET"] = "env-secret" };

        var (metadata, errors) = AwsSqsTriggers.Bind("-queueURL|queueURLFromEnv=QUEUE_URL|awsAccessKeyIDFromEnv=KEY_ID|awsSecretAccessKeyFromEnv=SECRET", auth: "", environment: environment);

        errors.ShouldBeEmpty();
        metadata.QueueName.ShouldBe("jobs");
        metadata.Credentials.ShouldBe(new AwsCredentials("AKIAENV", "env-secret", null, FromEnvironment: false));
    }

    [Fact]
    public void Bind_EmptyQueueUrlFromEnv_IsAnError()
    {
        var (_, errors) = AwsSqsTriggers.Bind("-queueURL|queueURLFromEnv=QUEUE_URL", environment: new Dictionary<string, string> { ["QUEUE_URL"] = "" });

        errors.ShouldHaveSingleItem().Key.ShouldBe("queueURL");
    }

    [Fact]
    public void Bind_SessionTokenAndRegionFromAuthParams_AreUsed()
    {
        var (metadata, errors) = AwsSqsTriggers.Bind("-awsRegion", AwsSqsTriggers.StaticCredentials + "|awsSessionToken=tok|awsRegion=ap-south-1");

        errors.ShouldBeEmpty();
        metadata.Region.ShouldBe("ap-south-1");
        metadata.Credentials.SessionToken.ShouldBe("tok");
    }

    [Fact]
    public void Bind_SecretWrittenInMetadata_IsIgnoredWithAWarning()
    {
        var validation = AwsSqsTriggers.Factory.Validate(AwsSqsTriggers.Context("awsSecretAccessKey=in-the-clear|awsAccessKeyID=AKIA", auth: ""));

        validation.Errors.ShouldHaveSingleItem().Key.ShouldBe("awsSecretAccessKey");
        validation.Warnings.ShouldContain(w => w.Key == "awsSecretAccessKey");
        string.Join(" ", validation.Errors.Concat(validation.Warnings)).ShouldNotContain("in-the-clear");
    }

    [Fact]
    public void Bind_IdentityOwnerOperator_SignsWithCremasOwnCredentials()
    {
        var (metadata, errors) = AwsSqsTriggers.Bind("identityOwner=operator", auth: "");

        errors.ShouldBeEmpty();
        metadata.Credentials.FromEnvironment.ShouldBeTrue();
    }

    [Fact]
    public void Bind_ValidationOnly_DeclaredSecretsCountAsPresent()
    {
        var (_, errors) = AwsSqsTriggers.Bind("", auth: "awsAccessKeyID=|awsSecretAccessKey=", validationOnly: true);

        errors.ShouldBeEmpty();
    }

    [Fact]
    public void ToString_NeverShowsTheSecretOrSessionToken()
    {
        var (metadata, _) = AwsSqsTriggers.Bind("", AwsSqsTriggers.StaticCredentials + "|awsSessionToken=session-token-value");

        var text = metadata.ToString();

        text.ShouldNotContain(AwsSqsTriggers.SecretAccessKey);
        text.ShouldNotContain("session-token-value");
        text.ShouldContain("[redacted]");
    }

    [Fact]
    public void ToReading_ActiveAboveActivationQueueLength()
    {
        var (metadata, _) = AwsSqsTriggers.Bind("queueLength=10|activationQueueLength=3");

        metadata.ToReading(3).ShouldBe(new MetricReading(3, 10, false));
        metadata.ToReading(4).ShouldBe(new MetricReading(4, 10, true));
    }
}
