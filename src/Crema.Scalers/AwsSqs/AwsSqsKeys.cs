using Crema.Abstractions;

namespace Crema.Scalers.AwsSqs;

/// <summary>
/// Every key of an <c>aws-sqs-queue</c> trigger, declared once with KEDA 2.20's names, sources (<c>order=</c>) and
/// defaults (pkg/scalers/aws_sqs_queue_scaler.go and the credential rules of pkg/scalers/aws/aws_common.go).
/// </summary>
internal static class AwsSqsKeys
{
    /// <summary>The queue's URL, or its short name. Required; metadata, then queueURLFromEnv.</summary>
    public static readonly MetadataKey QueueUrl = MetadataKey.Named("queueURL").Required();

    /// <summary>Messages per replica. Default 5, &gt; 0; metadata only.</summary>
    public static readonly MetadataKey QueueLength =
        MetadataKey.Named("queueLength").From(KeySource.TriggerMetadata).Default("5").Positive();

    /// <summary>Active while the queue holds more than this. Default 0; metadata only.</summary>
    public static readonly MetadataKey ActivationQueueLength =
        MetadataKey.Named("activationQueueLength").From(KeySource.TriggerMetadata).Default("0");

    /// <summary>The queue's region, which also scopes the request signature. Required; metadata, then auth parameter.</summary>
    public static readonly MetadataKey Region =
        MetadataKey.Named("awsRegion").From(KeySource.TriggerMetadata, KeySource.AuthParams).Required();

    /// <summary>An endpoint URL replacing https://sqs.REGION.amazonaws.com. Optional; metadata only.</summary>
    public static readonly MetadataKey Endpoint = MetadataKey.Named("awsEndpoint").From(KeySource.TriggerMetadata);

    /// <summary>Count in-flight (not visible) messages. Default true; metadata only.</summary>
    public static readonly MetadataKey ScaleOnInFlight =
        MetadataKey.Named("scaleOnInFlight").From(KeySource.TriggerMetadata).Default("true");

    /// <summary>Count delayed messages. Default false; metadata only.</summary>
    public static readonly MetadataKey ScaleOnDelayed =
        MetadataKey.Named("scaleOnDelayed").From(KeySource.TriggerMetadata).Default("false");

    /// <summary>Whose AWS identity reads the queue: pod (the trigger's credentials) or operator (Crema's own). Default pod; metadata only.</summary>
    public static readonly MetadataKey IdentityOwner =
        MetadataKey.Named("identityOwner").From(KeySource.TriggerMetadata).Default("pod").OneOf("pod", "operator");

    /// <summary>Access key ID. Auth parameter (also spelled awsAccessKeyId), then metadata, then awsAccessKeyIDFromEnv.</summary>
    public static readonly MetadataKey AccessKeyId = MetadataKey.Named("awsAccessKeyID", "awsAccessKeyId")
        .From(KeySource.AuthParams, KeySource.TriggerMetadata, KeySource.ResolvedEnv);

    /// <summary>Secret access key. Auth parameter, then awsSecretAccessKeyFromEnv; never plain metadata.</summary>
    public static readonly MetadataKey SecretAccessKey =
        MetadataKey.Named("awsSecretAccessKey").From(KeySource.AuthParams, KeySource.ResolvedEnv);

    /// <summary>Session token of temporary credentials. Auth parameter.</summary>
    public static readonly MetadataKey SessionToken = MetadataKey.Secret("awsSessionToken");

    /// <summary>An IAM role to assume (KEDA: sts:AssumeRole with the pod's identity). Auth parameter; not supported by Crema.</summary>
    public static readonly MetadataKey RoleArn = MetadataKey.Secret("awsRoleArn");
}
