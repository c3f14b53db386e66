using Crema.Abstractions;
using Keys = Crema.Scalers.AwsSqs.AwsSqsKeys;

namespace Crema.Scalers.AwsSqs;

/// <summary>Builds <c>aws-sqs-queue</c> scalers: the approximate message count of an Amazon SQS queue.</summary>
internal sealed class AwsSqsScalerFactory : ScalerFactory<AwsSqsMetadata>
{
    /// <summary>Why awsRoleArn is refused: KEDA assumes the role through STS with the pod's own AWS identity.</summary>
    internal const string RoleArnUnsupported =
        "is not supported: KEDA assumes this role through AWS STS (sts:AssumeRole) with the pod's own AWS identity, and Crema has no AWS identity to call STS with; " +
        "give awsAccessKeyID and awsSecretAccessKey (and awsSessionToken for temporary credentials) of an identity allowed sqs:GetQueueAttributes";

    public override string Type => "aws-sqs-queue";

    /// <inheritdoc />
    public override string Description => "the approximate message count of an Amazon SQS queue";

    protected override AwsSqsMetadata Bind(MetadataBinder binder)
    {
        var queueUrl = binder.RequiredString(Keys.QueueUrl).Trim();
        var queueName = queueUrl;
        if (queueUrl.Length > 0)
        {
            queueName = AwsSqsQueueUrl.QueueName(queueUrl, out var error) ?? queueUrl;
            binder.Check(error is null, Keys.QueueUrl, error ?? string.Empty);
        }
        var queueLength = binder.Long(Keys.QueueLength, 5);
        var activation = binder.Long(Keys.ActivationQueueLength, 0);
        var region = binder.RequiredString(Keys.Region).Trim();
        var endpoint = BindEndpoint(binder);
        var inFlight = binder.Bool(Keys.ScaleOnInFlight, true);
        var delayed = binder.Bool(Keys.ScaleOnDelayed, false);
        var credentials = BindCredentials(binder);
        return new AwsSqsMetadata(queueUrl, queueName, queueLength, activation, region, endpoint, inFlight, delayed, credentials, AwsSqsMetadata.DefaultTimeout);
    }

    protected override MetricReading ToReading(AwsSqsMetadata metadata, double value) => metadata.ToReading(value);

    protected override IScaler Create(AwsSqsMetadata metadata, ScalerContext context) =>
        new AwsSqsScaler(metadata, context.Environment, context.TimeProvider);

    private static Uri? BindEndpoint(MetadataBinder binder)
    {
        var text = binder.String(Keys.Endpoint)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        var valid = Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0;
        binder.Check(valid, Keys.Endpoint, $"\"{UntrustedText.Escape(text)}\" is not an absolute http or https URL");
        return valid ? uri : null;
    }

    /// <summary>
    /// KEDA's rules for identityOwner pod (the default): awsRoleArn first, else an access key from the auth parameters,
    /// else awsAccessKeyID / awsAccessKeyIDFromEnv with awsSecretAccessKeyFromEnv. identityOwner operator ignores them all
    /// and signs with Crema's own credentials (KEDA: the operator's).
    /// </summary>
    private static AwsCredentials BindCredentials(MetadataBinder binder)
    {
        var owner = binder.String(Keys.IdentityOwner) ?? "pod";
        var hasRole = binder.Has(Keys.RoleArn);
        var hasId = binder.Has(Keys.AccessKeyId);
        var hasSecret = binder.Has(Keys.SecretAccessKey);
        var id = binder.String(Keys.AccessKeyId) ?? string.Empty;
        var secret = binder.String(Keys.SecretAccessKey) ?? string.Empty;
        var token = binder.String(Keys.SessionToken);
        if (string.Equals(owner, "operator", StringComparison.Ordinal))
        {
            return AwsCredentials.Environment;
        }
        if (hasRole)
        {
            binder.Fail(Keys.RoleArn.Name, RoleArnUnsupported, MetadataSource.AuthParams);
        }
        else if (!hasId)
        {
            binder.Fail(Keys.AccessKeyId.Name,
                $"is required{MetadataError.AuthenticationRefHint}, with awsSecretAccessKey; or set identityOwner: operator to sign with Crema's own credentials ({AwsCredentials.AccessKeyIdVariable}, {AwsCredentials.SecretAccessKeyVariable})",
                MetadataSource.AuthParams);
        }
        else if (!hasSecret)
        {
            binder.Fail(Keys.SecretAccessKey.Name, $"is required with awsAccessKeyID{MetadataError.AuthenticationRefHint}", MetadataSource.AuthParams);
        }
        return new AwsCredentials(id.Trim(), secret, string.IsNullOrEmpty(token) ? null : token, FromEnvironment: false);
    }
}
