using Crema.Abstractions;
using Crema.Tests.Scalers.Gcp;

namespace Crema.Tests.Scalers.Gcp.Storage;

/// <summary>Binding of every key, with KEDA 2.20's gcp_storage_scaler_test.go cases transcribed and Crema's exact messages.</summary>
public sealed class StorageMetadataTests
{
    private static readonly string Key = GcpTestContext.ServiceAccountJson();
    private static readonly Dictionary<string, string> Environment = new() { ["SAMPLE_CREDS"] = Key, ["EMPTY"] = "" };

    // KEDA's testGcsMetadata, in its order. KEDA's SAMPLE_CREDS holds "", which it only rejects when it builds the
    // client; here it holds a real-shaped key. Without credentials KEDA fails (case 5, credentialsFromEnv ""), Crema
    // uses the daemon's Application Default Credentials as for every gcp-* trigger, so that case binds.
    // KEDA's "Credentials from AuthParams with empty creds" case fails for the same reason and binds here too.
    [Theory]
    [InlineData("-bucketName", "", "bucketName: is required")]
    [InlineData("targetObjectCount=7|maxBucketItemsToScan=100|credentialsFromEnv=SAMPLE_CREDS|activationTargetObjectCount=5|blobPrefix=blobsubpath|blobDelimiter=/", "", "")]
    [InlineData("credentialsFromEnv=SAMPLE_CREDS", "", "")]
    [InlineData("bucketName=|targetObjectCount=7|credentialsFromEnv=SAMPLE_CREDS", "", "bucketName: is required")]
    [InlineData("targetObjectCount=7|credentialsFromEnv=", "", "")]
    [InlineData("targetObjectCount=AA|credentialsFromEnv=SAMPLE_CREDS", "", "targetObjectCount: \"AA\" is not an integer")]
    [InlineData("targetObjectCount=7|maxBucketItemsToScan=AA|credentialsFromEnv=SAMPLE_CREDS", "", "maxBucketItemsToScan: \"AA\" is not an integer")]
    [InlineData("credentialsFromEnv=SAMPLE_CREDS|activationTargetObjectCount=A", "", "activationTargetObjectCount: \"A\" is not an integer")]
    [InlineData("targetLength=7", "GoogleApplicationCredentials={key}", "")]
    [InlineData("subscriptionSize=7", "GoogleApplicationCredentials=", "")]
    // KEDA's Validate, and Crema's further checks, each with its exact message.
    [InlineData("targetObjectCount=0", "", "targetObjectCount: must be > 0, found 0")]
    [InlineData("targetObjectCount=1.5", "", "targetObjectCount: \"1.5\" is not an integer")]
    [InlineData("activationTargetObjectCount=-1", "", "activationTargetObjectCount: must be >= 0, found -1")]
    [InlineData("maxBucketItemsToScan=0", "", "maxBucketItemsToScan: must be > 0, found 0")]
    [InlineData("bucketName=gs://test-bucket/in", "", "bucketName: \"gs://test-bucket/in\" is not a bucket name (no gs:// and no path: put a path in blobPrefix)")]
    [InlineData("credentialsFromEnv=EMPTY", "", "")]
    [InlineData("-bucketName|targetObjectCount=x|maxBucketItemsToScan=-3", "", "bucketName: is required; targetObjectCount: \"x\" is not an integer; maxBucketItemsToScan: must be > 0, found -3")]
    public void Bind_KedaAndCremaCases_ReportExactlyTheseErrors(string metadata, string auth, string expected)
    {
        var (_, errors) = StorageTriggers.Bind(metadata, auth.Replace("{key}", Key, StringComparison.Ordinal), environment: Environment);

        string.Join("; ", errors).ShouldBe(expected);
    }

    [Fact]
    public void Bind_OnlyBucketName_TakesKedasDefaults()
    {
        var (m, errors) = StorageTriggers.Bind("");

        errors.ShouldBeEmpty();
        m.BucketName.ShouldBe("test-bucket");
        m.TargetObjectCount.ShouldBe(100);
        m.ActivationTargetObjectCount.ShouldBe(0);
        m.MaxBucketItemsToScan.ShouldBe(1000);
        m.BlobPrefix.ShouldBeEmpty();
        m.BlobDelimiter.ShouldBeEmpty();
        m.Credentials.UsesDaemonIdentity.ShouldBeTrue();
    }

    [Fact]
    public void Bind_EveryKey_IsRead()
    {
        var (m, errors) = StorageTriggers.Bind(
            "targetObjectCount=7|activationTargetObjectCount=5|maxBucketItemsToScan=70|blobPrefix=in/|blobDelimiter=/|credentialsFromEnv=SAMPLE_CREDS",
            environment: Environment);

        errors.ShouldBeEmpty();
        (m.TargetObjectCount, m.ActivationTargetObjectCount, m.MaxBucketItemsToScan).ShouldBe((7L, 5L, 70L));
        (m.BlobPrefix, m.BlobDelimiter).ShouldBe(("in/", "/"));
        m.Credentials.ClientEmail.ShouldBe("scaler@my-proj.iam.gserviceaccount.com");
    }

    [Fact]
    public void Bind_PodIdentityGcp_UsesTheDaemonIdentityOverAKey()
    {
        var (m, errors) = StorageTriggers.Bind("credentialsFromEnv=SAMPLE_CREDS", podIdentity: true, environment: Environment);

        errors.ShouldBeEmpty();
        m.Credentials.UsesDaemonIdentity.ShouldBeTrue();
    }

    [Fact]
    public void Bind_KeyFromEnvOfAMetadataOnlyKey_IsIgnoredWithAWarning()
    {
        var context = StorageTriggers.Context("bucketNameFromEnv=BUCKET|targetObjectCountFromEnv=TARGET",
            environment: new Dictionary<string, string> { ["BUCKET"] = "b", ["TARGET"] = "5" });

        var validation = StorageTriggers.Factory.Validate(context);

        validation.Errors.ShouldBeEmpty();
        validation.Warnings.Select(w => w.Key).ShouldBe(["bucketNameFromEnv", "targetObjectCountFromEnv"], ignoreOrder: true);
    }

    [Fact]
    public void Bind_MalformedKey_ErrorDoesNotQuoteIt()
    {
        var (_, errors) = StorageTriggers.Bind("", "GoogleApplicationCredentials={\"type\":\"service_account\",\"private_key\":\"c2VjcmV0\"");

        errors.ShouldHaveSingleItem().ToString().ShouldNotContain("c2VjcmV0");
    }

    [Fact]
    public void Bind_ValidationOnly_DefersTheCredentials()
    {
        var (_, errors) = StorageTriggers.Bind("credentialsFromEnv=UNSET", validationOnly: true);

        errors.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(3, false)]
    [InlineData(4, true)]
    public void Interpret_ActiveAboveActivationTargetObjectCount(double objects, bool active)
    {
        var reading = StorageTriggers.Factory.Interpret(StorageTriggers.Context("targetObjectCount=10|activationTargetObjectCount=3"), objects);

        reading.ShouldBe(new MetricReading(objects, 10, active));
    }
}
