using System.Text.Json;
using Crema.Scalers.MetricsApi;

namespace Crema.Tests.Scalers.MetricsApi;

/// <summary>The GJSON subset, checked against the examples of gjson's SYNTAX.md (the document and paths it uses).</summary>
public sealed class GjsonPathTests
{
    private const string Syntax = """
        {
          "name": {"first": "Tom", "last": "Anderson"},
          "age":37,
          "children": ["Sara","Alex","Jack"],
          "fav.movie": "Deer Hunter",
          "friends": [
            {"first": "Dale", "last": "Murphy", "age": 44, "nets": ["ig", "fb", "tw"]},
            {"first": "Roger", "last": "Craig", "age": 68, "nets": ["fb", "tw"]},
            {"first": "Jane", "last": "Murphy", "age": 47, "nets": ["ig", "tw"]}
          ]
        }
        """;

    private const string Vals = """
        {"vals": [{ "a": 1, "b": "data" }, { "a": 2, "b": true }, { "a": 3, "b": false }, { "a": 4, "b": "0" }, { "a": 5, "b": 0 },
          { "a": 6, "b": "1" }, { "a": 7, "b": 1 }, { "a": 8, "b": "true" }, { "a": 9, "b": false }, { "a": 10, "b": null }, { "a": 11 }]}
        """;

    /// <summary>The result as compact JSON, as gjson's Raw would print it ("" when nothing matched).</summary>
    private static string Get(string json, string path)
    {
        var parsed = GjsonPath.Parse(path, out var error);
        parsed.ShouldNotBeNull(error);
        using var document = JsonDocument.Parse(json);
        return Render(parsed.Evaluate(document.RootElement));
    }

    private static string Render(GjsonValue value) => !value.Exists ? ""
        : value.Type == GjsonType.Json && !value.IsObject ? "[" + string.Join(",", value.Items().Select(Render)) + "]"
        : value.Type == GjsonType.Number && !value.IsObject ? value.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : value.Type == GjsonType.String ? JsonSerializer.Serialize(value.String)
        : value.Type switch { GjsonType.True => "true", GjsonType.False => "false", GjsonType.Null => "null", _ => "{object}" };

    [Theory]
    [InlineData("name.last", "\"Anderson\"")]
    [InlineData("name.first", "\"Tom\"")]
    [InlineData("age", "37")]
    [InlineData("children", "[\"Sara\",\"Alex\",\"Jack\"]")]
    [InlineData("children.0", "\"Sara\"")]
    [InlineData("children.1", "\"Alex\"")]
    [InlineData("friends.1", "{object}")]
    [InlineData("friends.1.first", "\"Roger\"")]
    [InlineData("child*.2", "\"Jack\"")]
    [InlineData("c?ildren.0", "\"Sara\"")]
    [InlineData("fav\\.movie", "\"Deer Hunter\"")]
    [InlineData("friends.#", "3")]
    [InlineData("friends.#.age", "[44,68,47]")]
    [InlineData("friends.#(last==\"Murphy\").first", "\"Dale\"")]
    [InlineData("friends.#(last==\"Murphy\")#.first", "[\"Dale\",\"Jane\"]")]
    [InlineData("friends.#(age>45)#.last", "[\"Craig\",\"Murphy\"]")]
    [InlineData("friends.#(first%\"D*\").last", "\"Murphy\"")]
    [InlineData("friends.#(first!%\"D*\").last", "\"Craig\"")]
    [InlineData("children.#(!%\"*a*\")", "\"Alex\"")]
    [InlineData("children.#(%\"*a*\")#", "[\"Sara\",\"Jack\"]")]
    [InlineData("friends.#(nets.#(==\"fb\"))#.first", "[\"Dale\",\"Roger\"]")]
    [InlineData("friends.0.first", "\"Dale\"")]
    [InlineData("friends|0.first", "\"Dale\"")]
    [InlineData("friends.0|first", "\"Dale\"")]
    [InlineData("friends|0|first", "\"Dale\"")]
    [InlineData("friends|#", "3")]
    [InlineData("friends.#(last=\"Murphy\")#.first", "[\"Dale\",\"Jane\"]")]
    [InlineData("friends.#(last=\"Murphy\")#|first", "")]
    [InlineData("friends.#(last=\"Murphy\")#.0", "[]")]
    [InlineData("friends.#(last=\"Murphy\")#|0", "{object}")]
    [InlineData("friends.#(last=\"Murphy\")#|0.first", "\"Dale\"")]
    [InlineData("friends.#(last=\"Murphy\")#.#", "[]")]
    [InlineData("friends.#(last=\"Murphy\")#|#", "2")]
    [InlineData("@this.age", "37")]
    [InlineData("name.@this.last", "\"Anderson\"")]
    [InlineData("friends.#.nets.#", "[3,2,2]")]
    [InlineData("friends.#.age|1", "68")]
    [InlineData("friends.#(age>=47)#|#", "2")]
    [InlineData("friends.#(age<45).first", "\"Dale\"")]
    [InlineData("friends.#(age<=44)#.first", "[\"Dale\"]")]
    [InlineData("friends.#(age!=44)#|#", "2")]
    [InlineData("friends.#(age==68).nets.0", "\"fb\"")]
    [InlineData("friends.#(first>\"Jb\")#.first", "[\"Roger\"]")]
    [InlineData("friends.#(missing)#", "[]")]
    [InlineData("friends.#(nets)#|#", "3")]
    [InlineData("nope", "")]
    [InlineData("children.3", "")]
    [InlineData("children.x", "")]
    [InlineData("age.x", "")]
    [InlineData("name.#", "")]
    [InlineData("friends.#(age>100).first", "")]
    public void Evaluate_SyntaxDocumentExamples_MatchGjson(string path, string expected)
    {
        Get(Syntax, path).ShouldBe(expected);
    }

    [Theory]
    [InlineData("vals.#(b==~true)#.a", "[2,6,7,8]")]
    [InlineData("vals.#(b==~false)#.a", "[3,4,5,9,10,11]")]
    [InlineData("vals.#(b==~null)#.a", "[10,11]")]
    [InlineData("vals.#(b==~*)#.a", "[1,2,3,4,5,6,7,8,9,10]")]
    [InlineData("vals.#(b!=~*)#.a", "[11]")]
    // Without ~ a string compares as text and a number as a number, whatever the right side looks like.
    [InlineData("vals.#(b==true)#.a", "[2,5,8]")]
    [InlineData("vals.#(b>false)#.a", "[2,7,8]")]
    [InlineData("vals.#(b<=true)#.a", "[1,3,4,5,6,8,9]")]
    [InlineData("vals.#(b==1)#.a", "[6,7]")]
    [InlineData("vals.#(b==\"1\")#.a", "[6,7]")]
    public void Evaluate_TildeAndBooleanQueries_MatchGjson(string path, string expected)
    {
        Get(Vals, path).ShouldBe(expected);
    }

    [Theory]
    [InlineData("""{"a": [{"k": 1}, {"k": 2}], "a2": [{"k": 3}]}""", "a*.1.k", "2")]
    [InlineData("""{"ab": {"x": 1}, "ac": {"k": 5}}""", "a?.k", "5")]
    [InlineData("""{"k": 1, "k": 2}""", "k", "1")]
    [InlineData("""{"a.b": {"c": 3}}""", "a\\.b.c", "3")]
    [InlineData("""{"a*": 4, "ab": 5}""", "a\\*", "4")]
    [InlineData("""{"#": 6}""", "#", "6")]
    [InlineData("""{"1": {"2": 7}}""", "1.2", "7")]
    [InlineData("""[{"a": 1}, {"a": 2}]""", "1.a", "2")]
    [InlineData("""[{"a": 1}, {"a": 2}]""", "#", "2")]
    [InlineData("""[{"q": "x", "n": 8}]""", "#(q==\"x\").n", "8")]
    [InlineData("""{"items": [{"s": "a\"b", "n": 9}]}""", "items.#(s==\"a\\\"b\").n", "9")]
    [InlineData("""{"items": [{"s": "pending"}, {"s": "done"}, {"s": "pending"}]}""", "items.#(s==\"pending\")#|#", "2")]
    [InlineData("""{"m": {"x y": 1}}""", "m.x y", "1")]
    public void Evaluate_KeysIndexesAndEscapes_MatchGjson(string json, string path, string expected)
    {
        Get(json, path).ShouldBe(expected);
    }

    [Theory]
    [InlineData("a.@reverse", "the GJSON modifier @reverse is not supported (only @this is)")]
    [InlineData("@this:x", "the GJSON modifier @this is not supported (only @this is)")]
    [InlineData("[a,b]", "GJSON multipaths ([a,b] or {a,b}) are not supported")]
    [InlineData("a.{b}", "GJSON multipaths ([a,b] or {a,b}) are not supported")]
    [InlineData("!true", "GJSON literals (!...) are not supported")]
    [InlineData("a\\", "ends with an escape character (\\)")]
    [InlineData("a|", "ends with a separator")]
    [InlineData(".a", "has an empty component at character 1")]
    [InlineData("a.#(b.@keys==1)", "in the query at character 3: the GJSON modifier @keys is not supported (only @this is)")]
    public void Parse_UnsupportedOrBrokenPath_SaysWhy(string path, string message)
    {
        GjsonPath.Parse(path, out var error).ShouldBeNull();
        error.ShouldBe(message);
    }

    [Fact]
    public void Parse_UnknownAtName_IsAKey()
    {
        Get("""{"@timestamp": 5}""", "@timestamp").ShouldBe("5");
    }

    [Theory]
    [InlineData("abc", "a*", true)]
    [InlineData("abc", "a?c", true)]
    [InlineData("abc", "a?", false)]
    [InlineData("a*c", "a\\*c", true)]
    [InlineData("abc", "a\\*c", false)]
    [InlineData("abc", "abc\\", false)]
    [InlineData("", "*", true)]
    [InlineData("ääx", "??x", true)]
    [InlineData("x-y-z-end", "*-*-end", true)]
    public void WildcardPattern_MatchesAsTidwallMatch(string text, string pattern, bool expected)
    {
        WildcardPattern.Matches(text, pattern).ShouldBe(expected);
    }

    [Fact]
    public void WildcardPattern_ManyStarsOnALongText_StaysFast()
    {
        var text = new string('a', 20_000);
        var started = System.Diagnostics.Stopwatch.StartNew();

        WildcardPattern.Matches(text, string.Concat(Enumerable.Repeat("*a", 30)) + "b").ShouldBeFalse();

        started.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }
}
