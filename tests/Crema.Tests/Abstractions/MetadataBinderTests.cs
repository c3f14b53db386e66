using Crema.Abstractions;

namespace Crema.Tests.Abstractions;

public class MetadataBinderTests
{
    private static MetadataBinder Binder(
        IReadOnlyDictionary<string, string>? metadata = null,
        IReadOnlyDictionary<string, string>? authParams = null,
        bool validationOnly = false,
        IReadOnlyDictionary<string, string>? environment = null) => TestBinders.Create(metadata, authParams, validationOnly, environment);

    private static MetadataBinder With(string key, string value) => TestBinders.With(key, value);


    [Fact]
    public void String_Present_ReturnsValue() => With("name", "orders").String("name").ShouldBe("orders");

    [Fact]
    public void String_Absent_ReturnsDefaultWithoutError()
    {
        var binder = Binder();

        binder.String("name", "fallback").ShouldBe("fallback");
        binder.String("other").ShouldBeNull();
        binder.Errors.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void String_Blank_CountsAsAbsentLikeKeda(string blank)
    {
        var binder = With("name", blank);

        binder.String("name", "fallback").ShouldBe("fallback");
        binder.RequiredString("name").ShouldBe("");
        binder.Errors.ShouldBe([new MetadataError("name", "is required")]);
        binder.Has("name").ShouldBeFalse();
    }

    [Fact]
    public void RequiredString_Absent_ReportsRequired()
    {
        var binder = Binder();

        binder.RequiredString("query").ShouldBe("");
        binder.Errors.ShouldBe([new MetadataError("query", "is required")]);
    }

    [Fact]
    public void String_FromEnv_ReadsTheVariable()
    {
        var binder = Binder(new Dictionary<string, string> { ["hostFromEnv"] = "HOST" }, environment: new Dictionary<string, string> { ["HOST"] = "db:5432" });

        binder.RequiredString("host").ShouldBe("db:5432");
        binder.Errors.ShouldBeEmpty();
        binder.Has("host").ShouldBeTrue();
    }

    [Fact]
    public void String_DirectValueAndFromEnv_DirectValueWins()
    {
        var binder = Binder(new Dictionary<string, string> { ["host"] = "direct", ["hostFromEnv"] = "HOST" }, environment: new Dictionary<string, string> { ["HOST"] = "env" });

        binder.String("host").ShouldBe("direct");
    }

    [Fact]
    public void String_FromEnvUnset_ReportsTheVariable()
    {
        var binder = Binder(new Dictionary<string, string> { ["hostFromEnv"] = "HOST" });

        binder.String("host", "fallback").ShouldBe("fallback");
        binder.Errors.ShouldBe([new MetadataError("hostFromEnv", "environment variable \"HOST\" is not set")]);
    }

    [Fact]
    public void Int_KeyWithRange_AppliesTheDeclaredBounds()
    {
        var binder = Binder(new Dictionary<string, string> { ["replicas"] = "-1" });

        binder.Int(MetadataKey.Named("replicas").NotNegative()).ShouldBe(-1);
        binder.Errors.ShouldBe([new MetadataError("replicas", "must be >= 0, found -1")]);
    }

    [Fact]
    public void String_FromEnvBlank_CountsAsAbsent()
    {
        var binder = Binder(new Dictionary<string, string> { ["hostFromEnv"] = "HOST" }, environment: new Dictionary<string, string> { ["HOST"] = " " });

        binder.String("host", "fallback").ShouldBe("fallback");
        binder.RequiredString("host");
        binder.Errors.ShouldBe([new MetadataError("host", "is required; hostFromEnv names \"HOST\", which is empty")]);
    }

    [Fact]
    public void ValidationOnly_FromEnv_IsDeferredWithoutErrors()
    {
        var binder = Binder(
            new Dictionary<string, string> { ["hostFromEnv"] = "HOST", ["portFromEnv"] = "PORT", ["rateFromEnv"] = "RATE", ["onFromEnv"] = "ON" },
            validationOnly: true);

        binder.RequiredString("host").ShouldBe("");
        binder.String("host", "fallback").ShouldBe("fallback");
        binder.Int("port", 80, required: true, min: 1).ShouldBe(80);
        binder.Double("rate", 1.5, required: true).ShouldBe(1.5);
        binder.Bool("on", true).ShouldBeTrue();
        binder.Errors.ShouldBeEmpty();
    }

    [Fact]
    public void Secret_FromAuthParams_IsReturned()
    {
        var binder = Binder(authParams: new Dictionary<string, string> { ["password"] = "p" });

        binder.Secret("password", required: true).ShouldBe("p");
        binder.Errors.ShouldBeEmpty();
    }

    [Fact]
    public void Secret_RequiredAndMissing_ReportsAgainstAuthParams()
    {
        var binder = Binder();

        binder.Secret("password", required: true).ShouldBeNull();
        binder.Errors.ShouldBe([new MetadataError("password", "is required (as a parameter of the trigger's authenticationRef)", MetadataSource.AuthParams)]);
    }

    [Fact]
    public void Secret_AlsoInMetadata_FallsBackToMetadataAndMarksItRead()
    {
        var binder = With("apiKey", "from-metadata");

        binder.Secret("apiKey").ShouldBeNull();
        binder.Secret("apiKey", alsoInMetadata: true).ShouldBe("from-metadata");
        binder.UnknownKeys().ShouldBeEmpty();
    }

    [Fact]
    public void Secret_AuthParamsWin_OverMetadata()
    {
        var binder = Binder(new Dictionary<string, string> { ["apiKey"] = "m" }, new Dictionary<string, string> { ["apiKey"] = "a" });

        binder.Secret("apiKey", alsoInMetadata: true).ShouldBe("a");
    }

    [Fact]
    public void Has_PresentDirectlyOrFromEnv_IsTrue()
    {
        var binder = Binder(new Dictionary<string, string> { ["a"] = "1", ["bFromEnv"] = "B" });

        binder.Has("a").ShouldBeTrue();
        binder.Has("b").ShouldBeTrue();
        binder.Has("c").ShouldBeFalse();
    }

    [Fact]
    public void Fail_And_Check_RecordErrorsInOrder()
    {
        var binder = Binder();

        binder.Check(true, "a", "never");
        binder.Check(false, "b", "must be set with c");
        binder.Fail("token", "is empty", MetadataSource.AuthParams);

        binder.Errors.ShouldBe([new MetadataError("b", "must be set with c"), new MetadataError("token", "is empty", MetadataSource.AuthParams)]);
        binder.Errors[0].ToString().ShouldBe("b: must be set with c");
    }

    [Fact]
    public void UnknownKeys_AreTheKeysNoMethodRead_Sorted()
    {
        var binder = Binder(new Dictionary<string, string> { ["z"] = "1", ["query"] = "q", ["hostFromEnv"] = "H", ["a"] = "2", ["checked"] = "x" });

        binder.String("query");
        binder.String("host", "x");
        binder.Has("checked");

        binder.UnknownKeys().ShouldBe(["a", "z"]);
    }

    [Fact]
    public void KnownKeys_AreTheKeysRead_WithoutFromEnvTwins_Sorted()
    {
        var binder = Binder(new Dictionary<string, string> { ["hostFromEnv"] = "H" });

        binder.String("query");
        binder.String("host", "x");
        binder.Has("checked");
        binder.String("credentialsFromEnvFile");

        binder.KnownKeys().ShouldBe(["checked", "credentialsFromEnvFile", "host", "query"]);
    }

    [Fact]
    public void ScalerFactory_Validate_ReportsTheKnownKeys()
    {
        var context = new ScalerContext { TriggerType = "echo", TriggerName = "0", ScaledObjectName = "w", Metadata = new Dictionary<string, string>() };

        new EchoFactory().Validate(context).KnownKeys.ShouldBe(["n"]);
    }

    [Fact]
    public void ScalerFactory_ValidateAndCreate_UseTheSameBinding()
    {
        var factory = new EchoFactory();
        var context = new ScalerContext { TriggerType = "echo", TriggerName = "0", ScaledObjectName = "w", Metadata = new Dictionary<string, string> { ["n"] = "x", ["extra"] = "1" } };

        var validation = factory.Validate(context);

        validation.IsValid.ShouldBeFalse();
        validation.Errors.ShouldBe([new MetadataError("n", "\"x\" is not an integer")]);
        validation.UnknownKeys.ShouldBe(["extra"]);
        Should.Throw<ScalerConfigurationException>(() => factory.Create(context)).Message.ShouldBe("echo: n: \"x\" is not an integer");
    }

    private sealed class EchoFactory : ScalerFactory<int>
    {
        public override string Type => "echo";

        public override string Description => "echoes its metadata";

        protected override int Bind(MetadataBinder binder) => binder.Int("n", required: true);

        protected override IScaler Create(int metadata, ScalerContext context) => throw new NotSupportedException();
    }
}
