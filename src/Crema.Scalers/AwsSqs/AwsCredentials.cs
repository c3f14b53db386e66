namespace Crema.Scalers.AwsSqs;

/// <summary>
/// The AWS credentials a trigger signs with: its own access key (identityOwner pod), or, when
/// <see cref="FromEnvironment"/>, Crema's own from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN
/// (identityOwner operator: KEDA's "the operator's identity").
/// </summary>
/// <param name="AccessKeyId">The access key ID, or empty with <see cref="FromEnvironment"/>.</param>
/// <param name="SecretAccessKey">The secret access key (a secret), or empty with <see cref="FromEnvironment"/>.</param>
/// <param name="SessionToken">The session token of temporary credentials (a secret), or null.</param>
/// <param name="FromEnvironment">Read Crema's own credentials from its environment when the scaler is built.</param>
internal sealed record AwsCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken, bool FromEnvironment)
{
    /// <summary>Crema's own AWS credentials, from its environment.</summary>
    public static AwsCredentials Environment { get; } = new(string.Empty, string.Empty, null, FromEnvironment: true);

    /// <summary>The environment variables <see cref="Environment"/> reads (the AWS SDKs' names).</summary>
    public const string AccessKeyIdVariable = "AWS_ACCESS_KEY_ID";

    /// <inheritdoc cref="AccessKeyIdVariable"/>
    public const string SecretAccessKeyVariable = "AWS_SECRET_ACCESS_KEY";

    /// <inheritdoc cref="AccessKeyIdVariable"/>
    public const string SessionTokenVariable = "AWS_SESSION_TOKEN";

    /// <summary>Who Crema says it signs as, for messages: the access key ID's first four characters at most, never a secret.</summary>
    public string Identity =>
        FromEnvironment ? $"Crema's own credentials ({AccessKeyIdVariable})"
        : $"access key {(AccessKeyId.Length > 4 ? AccessKeyId[..4] + "..." : "...")}{(SessionToken is null ? string.Empty : " with a session token")}";

    /// <summary>Describes the credentials without the secret key or the session token.</summary>
    public override string ToString() =>
        $"{nameof(AwsCredentials)} {{ {Identity}, SecretAccessKey = [redacted]{(SessionToken is null ? string.Empty : ", SessionToken = [redacted]")} }}";
}
