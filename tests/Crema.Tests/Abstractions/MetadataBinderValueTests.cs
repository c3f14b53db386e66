using Crema.Abstractions;
using static Crema.Tests.Abstractions.TestBinders;

namespace Crema.Tests.Abstractions;

/// <summary>The typed readers of <see cref="MetadataBinder"/>: numbers, booleans, choices, lists, maps, durations.</summary>
public class MetadataBinderValueTests
{
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
    [InlineData("0", 0, true, "v", "must be > 0, found 0")]
    [InlineData("-1", 0, false, "v", "must be >= 0, found -1")]
    [InlineData("101", 0, false, "v", "must be <= 100, found 101")]
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
        var binder = Create();

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

        binder.Errors.ShouldBe([new MetadataError("v", "must be <= 10, found 11")]);
    }

    [Fact]
    public void Int_InRange_ReturnsValue() => With("v", "12").Int("v", min: 1).ShouldBe(12);

    [Fact]
    public void Int_BeyondInt32_ReportsInsteadOfOverflowing()
    {
        var binder = With("v", "3000000000");

        binder.Int("v", 5);

        binder.Errors.ShouldBe([new MetadataError("v", "must be <= 2147483647, found 3000000000")]);
    }

    [Fact]
    public void Int_BelowMin_Reports()
    {
        var binder = With("v", "0");

        binder.Int("v", min: 1);

        binder.Errors.ShouldBe([new MetadataError("v", "must be >= 1, found 0")]);
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
    public void Bool_Absent_ReturnsDefault() => Create().Bool("b", true).ShouldBeTrue();

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
    public void OneOf_Absent_ReturnsDefault() => Create().OneOf("mode", "lag", "lag", "Rate").ShouldBe("lag");

    [Fact]
    public void List_CommaSeparated_TrimsAndDropsEmptyEntries() =>
        With("topics", " a, b ,,c ,").List("topics").ShouldBe(["a", "b", "c"]);

    [Fact]
    public void List_RequiredAndAbsent_ReportsRequired()
    {
        var binder = Create();

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
        binder.Errors.ShouldBe([new MetadataError("d", "must be at least 1000ms, found 500ms")]);
    }

    [Fact]
    public void Duration_Absent_ReturnsDefault() => Create().Duration("d", TimeSpan.FromMinutes(2)).ShouldBe(TimeSpan.FromMinutes(2));
}
