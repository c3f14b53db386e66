using Crema.Abstractions;
using Crema.Scalers.AwsSqs;
using Crema.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Crema.Tests.Scalers.AwsSqs;

/// <summary>Contexts and scalers for <c>aws-sqs-queue</c> triggers: <c>"k=v|k2=v2"</c> over a baseline queue and region.</summary>
internal static class AwsSqsTriggers
{
    public const string QueueUrl = "https://sqs.eu-west-1.amazonaws.com/123456789012/orders";

    public const string Baseline = "queueURL=" + QueueUrl + "|awsRegion=eu-west-1";

    public const string AccessKeyId = "AKIAIOSFODNN7EXAMPLE";

    public const string SecretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY+s3cr3t";

    public const string StaticCredentials = "awsAccessKeyID=" + AccessKeyId + "|awsSecretAccessKey=" + SecretAccessKey;

    public static readonly AwsSqsScalerFactory Factory = new();

    public static ScalerContext Context(string metadata, string auth = StaticCredentials, bool validationOnly = false, IReadOnlyDictionary<string, string>? environment = null, TimeProvider? time = null) =>
        TestTriggers.For("aws-sqs-queue", TestTriggers.Parse(metadata, Baseline), TestTriggers.Parse(auth), validationOnly: validationOnly, environment: environment, timeProvider: time);

    public static (AwsSqsMetadata Metadata, IReadOnlyList<MetadataError> Errors) Bind(string metadata, string auth = StaticCredentials, bool validationOnly = false, IReadOnlyDictionary<string, string>? environment = null) =>
        Factory.BindForTest(Context(metadata, auth, validationOnly, environment));

    /// <summary>A live scaler whose requests go to <paramref name="endpoint"/> (awsEndpoint), on a clock nobody advances unless <paramref name="time"/> is given (a loaded machine cannot time it out).</summary>
    public static IScaler Create(string endpoint, string metadata = "", string auth = StaticCredentials, TimeProvider? time = null, IReadOnlyDictionary<string, string>? environment = null) =>
        Factory.Create(Context($"awsEndpoint={endpoint}|" + metadata, auth, environment: environment, time: time ?? new FakeTimeProvider()));
}
