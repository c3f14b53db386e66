using Crema.Abstractions;

namespace Crema.Tests.Abstractions;

/// <summary>Metadata entries for keys whose declared sources leave out metadata or the environment.</summary>
public sealed class MetadataBinderIgnoredEntryTests
{
    private static readonly MetadataKey MetadataOnly = MetadataKey.Named("lagThreshold").From(KeySource.TriggerMetadata).Default("10");
    private static readonly MetadataKey MetadataThenAuth = MetadataKey.Named("tls").From(KeySource.TriggerMetadata, KeySource.AuthParams);
    private static readonly MetadataKey AuthOnly = MetadataKey.Secret("password");

    [Fact]
    public void Warnings_FromEnvOfMetadataOnlyKey_SaysItIsIgnoredAndWhereTheKeyIsRead()
    {
        var binder = TestBinders.Create(new Dictionary<string, string> { ["lagThresholdFromEnv"] = "LAG" }, environment: new Dictionary<string, string> { ["LAG"] = "50" });

        binder.Long(MetadataOnly).ShouldBe(10);

        binder.Errors.ShouldBeEmpty();
        binder.Warnings.ShouldBe([new MetadataError("lagThresholdFromEnv", "is ignored: lagThreshold is read only from metadata, not from the environment")]);
        binder.UnknownKeys().ShouldBeEmpty();
    }

    [Fact]
    public void Warnings_FromEnvOfAuthKeys_NameEachKeysOwnSources()
    {
        var binder = TestBinders.Create(new Dictionary<string, string> { ["tlsFromEnv"] = "TLS", ["passwordFromEnv"] = "PW" });

        binder.String(MetadataThenAuth).ShouldBeNull();
        binder.String(AuthOnly).ShouldBeNull();

        binder.Warnings.ShouldBe([
            new MetadataError("passwordFromEnv", "is ignored: password is read only from the authenticationRef's parameters, not from the environment"),
            new MetadataError("tlsFromEnv", "is ignored: tls is read only from metadata or the authenticationRef's parameters, not from the environment"),
        ]);
    }

    [Fact]
    public void Warnings_FromEnvOfAKeyAlsoReadFromTheEnvironment_IsNone()
    {
        var binder = TestBinders.Create(new Dictionary<string, string> { ["topicFromEnv"] = "TOPIC" }, environment: new Dictionary<string, string> { ["TOPIC"] = "orders" });

        binder.String(MetadataKey.Named("topic").From(KeySource.TriggerMetadata)).ShouldBeNull();
        binder.String(MetadataKey.Named("topic")).ShouldBe("orders");

        binder.Warnings.ShouldBeEmpty();
        binder.UnknownKeys().ShouldBeEmpty();
    }

    [Fact]
    public void Warnings_AuthOnlyKeyInMetadata_SaysItIsIgnoredAndWhereItIsRead()
    {
        var binder = TestBinders.Create(new Dictionary<string, string> { ["password"] = "in-metadata", ["apiKey"] = "k" });

        binder.String(AuthOnly).ShouldBeNull();
        binder.String(MetadataKey.Named("apiKey").From(KeySource.AuthParams, KeySource.ResolvedEnv)).ShouldBeNull();

        binder.Warnings.ShouldBe([
            new MetadataError("apiKey", "is ignored: apiKey is read only from the authenticationRef's parameters or apiKeyFromEnv, not from metadata"),
            new MetadataError("password", "is ignored: password is read only from the authenticationRef's parameters, not from metadata"),
        ]);
        binder.UnknownKeys().ShouldBeEmpty();
        binder.KnownKeys().ShouldBe(["apiKey", "password"]);
    }

    [Fact]
    public void UnknownKeys_FromEnvOfAKeyNeverRead_StaysUnknown()
    {
        var binder = TestBinders.Create(new Dictionary<string, string> { ["otherFromEnv"] = "X" });

        binder.Long(MetadataOnly);

        binder.Warnings.ShouldBeEmpty();
        binder.UnknownKeys().ShouldBe(["otherFromEnv"]);
    }
}
