using Crema.Abstractions;

namespace Crema.Tests.Abstractions;

/// <summary>Fail and Check on a declared key: the error names the spelling the user wrote and the source it came from.</summary>
public sealed class MetadataBinderKeyFailTests
{
    private static readonly MetadataKey Url = MetadataKey.Named("apiURL", "apiUrl", "APIURL");

    [Theory]
    [InlineData("apiURL")]
    [InlineData("apiUrl")]
    [InlineData("APIURL")]
    public void Fail_KeyReadUnderAnAlias_NamesTheAlias(string written)
    {
        var binder = TestBinders.With(written, "ftp://x");

        binder.String(Url).ShouldBe("ftp://x");
        binder.Fail(Url, "is not an http(s) URL");

        binder.Errors.ShouldBe([new MetadataError(written, "is not an http(s) URL")]);
    }

    [Fact]
    public void Fail_KeyReadFromEnvUnderAnAlias_NamesTheAliasInMetadata()
    {
        var binder = TestBinders.Create(new Dictionary<string, string> { ["apiUrlFromEnv"] = "URL" }, environment: new Dictionary<string, string> { ["URL"] = "ftp://x" });

        binder.String(Url).ShouldBe("ftp://x");
        binder.Fail(Url, "is not an http(s) URL");

        binder.Errors.ShouldBe([new MetadataError("apiUrl", "is not an http(s) URL")]);
    }

    [Fact]
    public void Fail_KeyNotGivenOrNotRead_NamesTheDocumentedName()
    {
        var binder = TestBinders.With("APIURL", "https://x");

        // Not read through the binder yet: the documented name, even though an alias is present.
        binder.Fail(Url, "first");
        binder.String(MetadataKey.Named("other", "alias"));
        binder.Fail(MetadataKey.Named("other", "alias"), "second");

        binder.Errors.ShouldBe([new MetadataError("apiURL", "first"), new MetadataError("other", "second")]);
    }

    [Fact]
    public void Fail_SecretKey_IsReportedAgainstTheAuthParameters()
    {
        var binder = TestBinders.Create(authParams: new Dictionary<string, string> { ["Token"] = "s3cr3t" });
        var token = MetadataKey.Secret("token", "Token");

        binder.String(token).ShouldBe("s3cr3t");
        binder.Fail(token, "is not a token");

        binder.Errors.ShouldBe([new MetadataError("Token", "is not a token", MetadataSource.AuthParams)]);
    }

    [Fact]
    public void Check_Key_RecordsOnlyWhenTheConditionFails()
    {
        var binder = TestBinders.With("apiUrl", "x");
        binder.String(Url);

        binder.Check(true, Url, "never");
        binder.Check(false, Url, "must be absolute");

        binder.Errors.ShouldBe([new MetadataError("apiUrl", "must be absolute")]);
    }

    [Fact]
    public void Warnings_FromEnvTwinOfAKeyNotReadFromTheEnvironment_SayItIsIgnored()
    {
        var binder = TestBinders.Create(
            new Dictionary<string, string> { ["modeFromEnv"] = "MODE", ["hostFromEnv"] = "HOST" },
            environment: new Dictionary<string, string> { ["MODE"] = "fast", ["HOST"] = "db" });

        binder.String(MetadataKey.Named("mode").From(KeySource.TriggerMetadata)).ShouldBeNull();
        binder.String(MetadataKey.Named("host")).ShouldBe("db");

        binder.UnknownKeys().ShouldBeEmpty();
        binder.Warnings.ShouldBe([new MetadataError("modeFromEnv", "is ignored: mode is read only from metadata, not from the environment")]);
        binder.KnownKeys().ShouldBe(["host", "mode"]);
    }

    [Fact]
    public void Warnings_SecretWrittenInMetadata_SayWhereItBelongs()
    {
        var binder = TestBinders.Create(new Dictionary<string, string> { ["password"] = "hunter2", ["user"] = "u" });

        binder.String(MetadataKey.Secret("password")).ShouldBeNull();
        binder.String(MetadataKey.Named("user").From(KeySource.AuthParams, KeySource.TriggerMetadata)).ShouldBe("u");

        binder.UnknownKeys().ShouldBeEmpty();
        binder.Warnings.ShouldBe([new MetadataError("password", "is ignored: password is read only from the authenticationRef's parameters, not from metadata")]);
        binder.Errors.ShouldBeEmpty();
    }

    [Fact]
    public void Warnings_EntryReadByAnotherDeclaration_IsNotReported()
    {
        var binder = TestBinders.Create(new Dictionary<string, string> { ["tls"] = "enable", ["portFromEnv"] = "PORT" }, environment: new Dictionary<string, string> { ["PORT"] = "1" });

        // The same names declared twice: once without metadata (or env), once with it. Either read counts.
        binder.String(MetadataKey.Secret("tls"));
        binder.String(MetadataKey.Named("tls").From(KeySource.TriggerMetadata)).ShouldBe("enable");
        binder.String(MetadataKey.Named("port").From(KeySource.TriggerMetadata));
        binder.String(MetadataKey.Named("port")).ShouldBe("1");

        binder.Warnings.ShouldBeEmpty();
        binder.UnknownKeys().ShouldBeEmpty();
    }

    [Fact]
    public void Warnings_FromEnvTwinOfASecret_SayWhereItBelongs()
    {
        var binder = TestBinders.Create(new Dictionary<string, string> { ["tokenFromEnv"] = "TOKEN", ["pathFromEnv"] = "X", ["path"] = "/x" });

        binder.String(MetadataKey.Secret("token"));
        binder.String(MetadataKey.Named("path").From(KeySource.ResolvedEnv));

        binder.Warnings.ShouldBe([
            new MetadataError("path", "is ignored: path is read only from pathFromEnv, not from metadata"),
            new MetadataError("tokenFromEnv", "is ignored: token is read only from the authenticationRef's parameters, not from the environment"),
        ]);
    }
}
