using Crema.Abstractions;

namespace Crema.Tests.Abstractions;

public class MetadataBinderTests
{
    private static MetadataBinder Binder(
        IReadOnlyDictionary<string, string>? metadata = null,
        IReadOnlyDictionary<string, string>? authParams = null,
        bool validationOnly = false,
        IReadOnlyDictionary<string, string>? environment = null) => new(new ScalerContext
        {
            TriggerType = "test",
            TriggerName = "0",
            ScaledObjectName = "worker",
            Metadata = metadata ?? new Dictionary<string, string>(),
            AuthParams = authParams ?? new Dictionary<string, string>(),
            ValidationOnly = validationOnly,
            Environment = name => environment?.GetValueOrDefault(name),
        });

    private static MetadataBinder With(string key, string value) => Binder(new Dictionary<string, string> { [key] = value });

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
    public void String_FromEnvBlank_CountsAsAbsent()
    {
        var binder = Binder(new Dictionary<string, string> { ["hostFromEnv"] = "HOST" }, environment: new Dictionary<string, string> { ["HOST"] = " " });

        binder.String("host", "fallback").ShouldBe("fallback");
        binder.RequiredString("host");
        binder.Errors.ShouldBe([new MetadataError("host", "is required")]);
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

    [Theory]
    [InlineData("5", 5)]
    [InlineData(" 2.5 ", 2.5)]
    [InlineData("-1", -1)]
    [InlineData("1e3", 1000)]
    public void Double_Number_IsParsedInvariantly(string text, double expected) => With("v", text).Double("v").ShouldBe(expected);

    [Theory]
    [InlineData("abc", "\"abc\" is not a number")]
    [InlineData("1,5", "\"1,5\" is not a number")]
    [InlineData("NaN", "\"NaN\" is not a number")]
    [InlineData("Infinity", "\"Infinity\" is not a number")]
    public void Double_NotANumber_ReportsAndReturnsDefault(string text, string message)
    {
        var binder = With("v", text);

        binder.Double("v", 7).ShouldBe(7);
        binder.Errors.ShouldBe([new MetadataError("v", message)]);
    }

    [Theory]
    [InlineData("0", 0, false, null, null)]
    [InlineData("0", 0, true, "v", "must be > 0")]
    [InlineData("-1", 0, false, "v", "must be >= 0")]
    [InlineData("101", 0, false, "v", "must be <= 100")]
    [InlineData("100", 0, false, null, null)]
    public void Double_Range_IsChecked(string text, double min, bool minExclusive, string? key, string? message)
    {
        var binder = With("v", text);

        binder.Double("v", min: min, max: 100, minExclusive: minExclusive);

        binder.Errors.ShouldBe(key is null ? [] : [new MetadataError(key, message!)]);
    }

    [Fact]
    public void Double_RequiredAndAbsent_ReportsRequired()
    {
        var binder = Binder();

        binder.Double("threshold", 3, required: true).ShouldBe(3);
        binder.Errors.ShouldBe([new MetadataError("threshold", "is required")]);
    }

    [Theory]
    [InlineData("42", 42L, null)]
    [InlineData("-7", -7L, null)]
    [InlineData(" 9 ", 9L, null)]
    [InlineData("1.5", 0L, "\"1.5\" is not an integer")]
    [InlineData("ten", 0L, "\"ten\" is not an integer")]
    public void Long_Text_ParsesOrReports(string text, long expected, string? message)
    {
        var binder = With("v", text);

        binder.Long("v").ShouldBe(expected);
        binder.Errors.ShouldBe(message is null ? [] : [new MetadataError("v", message)]);
    }

    [Fact]
    public void Long_OutOfRange_Reports()
    {
        var binder = With("v", "11");

        binder.Long("v", min: 1, max: 10);

        binder.Errors.ShouldBe([new MetadataError("v", "must be <= 10")]);
    }

    [Fact]
    public void Int_InRange_ReturnsValue() => With("v", "12").Int("v", min: 1).ShouldBe(12);

    [Fact]
    public void Int_BeyondInt32_ReportsInsteadOfOverflowing()
    {
        var binder = With("v", "3000000000");

        binder.Int("v", 5);

        binder.Errors.ShouldBe([new MetadataError("v", "must be <= 2147483647")]);
    }

    [Fact]
    public void Int_BelowMin_Reports()
    {
        var binder = With("v", "0");

        binder.Int("v", min: 1);

        binder.Errors.ShouldBe([new MetadataError("v", "must be >= 1")]);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("FALSE", false)]
    [InlineData(" True ", true)]
    public void Bool_Text_IsParsedIgnoringCase(string text, bool expected) => With("b", text).Bool("b", !expected).ShouldBe(expected);

    [Fact]
    public void Bool_NotABoolean_ReportsAndReturnsDefault()
    {
        var binder = With("b", "yes");

        binder.Bool("b", true).ShouldBeTrue();
        binder.Errors.ShouldBe([new MetadataError("b", "\"yes\" is not a boolean (true or false)")]);
    }

    [Fact]
    public void Bool_Absent_ReturnsDefault() => Binder().Bool("b", true).ShouldBeTrue();

    [Theory]
    [InlineData("lag", "lag")]
    [InlineData("LAG", "lag")]
    [InlineData(" Rate ", "Rate")]
    public void OneOf_Allowed_ReturnsTheAllowedSpelling(string text, string expected) =>
        With("mode", text).OneOf("mode", "lag", "lag", "Rate").ShouldBe(expected);

    [Fact]
    public void OneOf_NotAllowed_ReportsTheChoices()
    {
        var binder = With("mode", "speed");

        binder.OneOf("mode", "lag", "lag", "Rate").ShouldBe("lag");
        binder.Errors.ShouldBe([new MetadataError("mode", "\"speed\" is not one of: lag, Rate")]);
    }

    [Fact]
    public void OneOf_Absent_ReturnsDefault() => Binder().OneOf("mode", "lag", "lag", "Rate").ShouldBe("lag");

    [Fact]
    public void List_CommaSeparated_TrimsAndDropsEmptyEntries() =>
        With("topics", " a, b ,,c ,").List("topics").ShouldBe(["a", "b", "c"]);

    [Fact]
    public void List_RequiredAndAbsent_ReportsRequired()
    {
        var binder = Binder();

        binder.List("topics", required: true).ShouldBeEmpty();
        binder.Errors.ShouldBe([new MetadataError("topics", "is required")]);
    }

    [Fact]
    public void Map_Pairs_AreTrimmedAndKeepEqualsInValues() =>
        With("headers", " a = 1 , b=x=y,c=").Map("headers").ShouldBe(new Dictionary<string, string> { ["a"] = "1", ["b"] = "x=y", ["c"] = "" });

    [Fact]
    public void Map_EntryWithoutKey_ReportsEachBadPair()
    {
        var binder = With("headers", "a=1,novalue,=x");

        binder.Map("headers").ShouldBe(new Dictionary<string, string> { ["a"] = "1" });
        binder.Errors.ShouldBe([
            new MetadataError("headers", "\"novalue\" is not a key=value pair"),
            new MetadataError("headers", "\"=x\" is not a key=value pair"),
        ]);
    }

    [Theory]
    [InlineData("30s", 30_000)]
    [InlineData("1500", 1_500)]
    [InlineData("1h30m", 5_400_000)]
    public void Duration_GoOrMilliseconds_IsParsed(string text, double milliseconds) =>
        With("d", text).Duration("d", TimeSpan.Zero).ShouldBe(TimeSpan.FromMilliseconds(milliseconds));

    [Fact]
    public void Duration_Invalid_ReportsAndReturnsDefault()
    {
        var binder = With("d", "soon");

        binder.Duration("d", TimeSpan.FromSeconds(3)).ShouldBe(TimeSpan.FromSeconds(3));
        binder.Errors.ShouldBe([new MetadataError("d", "\"soon\" is not a duration (Go-style like 30s or 2m, or integer milliseconds)")]);
    }

    [Fact]
    public void Duration_BelowMin_ReportsInMilliseconds()
    {
        var binder = With("d", "500ms");

        binder.Duration("d", TimeSpan.FromSeconds(5), min: TimeSpan.FromSeconds(1)).ShouldBe(TimeSpan.FromSeconds(5));
        binder.Errors.ShouldBe([new MetadataError("d", "must be at least 1000ms")]);
    }

    [Fact]
    public void Duration_Absent_ReturnsDefault() => Binder().Duration("d", TimeSpan.FromMinutes(2)).ShouldBe(TimeSpan.FromMinutes(2));

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

        protected override int Bind(MetadataBinder binder) => binder.Int("n", required: true);

        protected override IScaler Create(int metadata, ScalerContext context) => throw new NotSupportedException();
    }
}
