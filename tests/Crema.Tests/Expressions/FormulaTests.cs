using Crema.Core.Expressions;

namespace Crema.Tests.Expressions;

public sealed class FormulaTests
{
    private static readonly Dictionary<string, double> NoVariables = [];

    private static double Eval(string text, Dictionary<string, double>? variables = null) =>
        Formula.Parse(text).Evaluate(variables ?? NoVariables);

    [Theory]
    [InlineData("1 + 2 * 3", 7)]
    [InlineData("(1 + 2) * 3", 9)]
    [InlineData("10 - 4 - 3", 3)]
    [InlineData("24 / 4 / 2", 3)]
    [InlineData("7 % 4", 3)]
    [InlineData("2 ** 3 ** 2", 512)]
    [InlineData("2 ^ 3", 8)]
    [InlineData("-2 ** 2", -4)]
    [InlineData("-3 * 2", -6)]
    [InlineData("- -3", 3)]
    [InlineData("+4", 4)]
    [InlineData("1 + 2 > 2", 1)]
    [InlineData("1 < 2 == 1", 1)]
    [InlineData("1 == 1 && 2 == 3", 0)]
    [InlineData("1 == 1 || 2 == 3", 1)]
    [InlineData("0 || 0 && 1", 0)]
    [InlineData("1 || 0 && 0", 1)]
    [InlineData("!0 + 1", 2)]
    [InlineData("not 1 == 0", 1)]
    [InlineData("1 and 2 or 0", 1)]
    [InlineData("1 > 2 ? 10 : 20", 20)]
    [InlineData("1 < 2 ? 10 : 20", 10)]
    [InlineData("0 ? 1 : 0 ? 2 : 3", 3)]
    [InlineData("1 ? 1 + 1 : 5", 2)]
    [InlineData("0 ?: 7", 7)]
    [InlineData("3 ?: 7", 3)]
    [InlineData("1_000 + .5", 1000.5)]
    [InlineData("1e3", 1000)]
    [InlineData("2.5E-1", 0.25)]
    [InlineData("true + true", 2)]
    [InlineData("false", 0)]
    public void Evaluate_Constants_FollowExprLangPrecedence(string text, double expected) =>
        Eval(text).ShouldBe(expected, 1e-9);

    [Theory]
    [InlineData("3 == 3", 1)]
    [InlineData("3 != 3", 0)]
    [InlineData("3 < 4", 1)]
    [InlineData("4 <= 4", 1)]
    [InlineData("5 > 4", 1)]
    [InlineData("4 >= 5", 0)]
    public void Evaluate_Comparison_YieldsOneOrZero(string text, double expected) => Eval(text).ShouldBe(expected);

    [Theory]
    [InlineData("min(3, 1, 2)", 1)]
    [InlineData("max(3, 1, 2)", 3)]
    [InlineData("max(4)", 4)]
    [InlineData("abs(-2.5)", 2.5)]
    [InlineData("ceil(1.2)", 2)]
    [InlineData("floor(1.8)", 1)]
    [InlineData("round(2.5)", 3)]
    [InlineData("round(-2.5)", -3)]
    [InlineData("int(-2.7)", -2)]
    [InlineData("float(2)", 2)]
    [InlineData("max(1, min(5, 3)) * 2", 6)]
    public void Evaluate_Functions_ReturnExpected(string text, double expected) => Eval(text).ShouldBe(expected);

    [Fact]
    public void Evaluate_Variables_AreSubstituted()
    {
        var variables = new Dictionary<string, double> { ["queue"] = 30, ["kafka_lag"] = 10 };

        Eval("(queue + kafka_lag) / 2", variables).ShouldBe(20);
        Eval("queue > 20 ? queue : kafka_lag", variables).ShouldBe(30);
    }

    [Fact]
    public void Evaluate_DivisionByZero_IsInfinity() => double.IsPositiveInfinity(Eval("1 / 0")).ShouldBeTrue();

    [Fact]
    public void Evaluate_Coalesce_UsesRightWhenVariableAbsentOrNaN()
    {
        var formula = Formula.Parse("q ?? 5");

        formula.Evaluate(new Dictionary<string, double> { ["q"] = 2 }).ShouldBe(2);
        formula.Evaluate(NoVariables).ShouldBe(5);
        formula.Evaluate(new Dictionary<string, double> { ["q"] = double.NaN }).ShouldBe(5);
    }

    [Fact]
    public void Evaluate_CoalesceBindsTighterThanArithmetic()
    {
        Eval("a ?? 2 * 3").ShouldBe(6);
        Eval("1 + a ?? 4").ShouldBe(5);
    }

    [Fact]
    public void EvaluateOrNil_NilResult_ReturnsNull()
    {
        var formula = Formula.Parse("q ?? nil");

        formula.EvaluateOrNil(NoVariables).ShouldBeNull();
        formula.EvaluateOrNil(new Dictionary<string, double> { ["q"] = 3 }).ShouldBe(3);
        Should.Throw<FormulaException>(() => formula.Evaluate(NoVariables));
    }

    [Fact]
    public void Evaluate_UnknownVariable_ThrowsWithPosition()
    {
        var formula = Formula.Parse("a + missing");

        var error = Should.Throw<FormulaException>(() => formula.Evaluate(new Dictionary<string, double> { ["a"] = 1 }));

        error.Position.ShouldBe(4);
        error.Message.ShouldBe("unknown variable 'missing' at character 5");
    }

    [Fact]
    public void Evaluate_ShortCircuit_DoesNotTouchUnusedVariable()
    {
        Eval("0 && missing").ShouldBe(0);
        Eval("1 || missing").ShouldBe(1);
        Eval("1 ? 4 : missing").ShouldBe(4);
    }

    [Fact]
    public void Variables_ListsEveryReferencedName()
    {
        var formula = Formula.Parse("max(queue, lag_2) > 3 ? queue : other ?? 1");

        formula.Variables.ShouldBe(["lag_2", "other", "queue"], ignoreOrder: true);
    }

    [Fact]
    public void Variables_ExcludeFunctionsAndLiterals() =>
        Formula.Parse("min(1, 2) + true + nil ?? 0").Variables.ShouldBeEmpty();

    [Theory]
    [InlineData("", 0, "empty")]
    [InlineData("   ", 0, "empty")]
    [InlineData("1 +", 3, "end of formula")]
    [InlineData("(1 + 2", 6, "')'")]
    [InlineData("1 + 2)", 5, "')'")]
    [InlineData("a # b", 2, "'#'")]
    [InlineData("a - - ", 6, "end of formula")]
    [InlineData("foo(1)", 0, "unknown function 'foo'")]
    [InlineData("abs(1, 2)", 0, "exactly one argument")]
    [InlineData("min()", 0, "at least one argument")]
    [InlineData("a b", 2, "'b'")]
    [InlineData("1 ? 2", 5, "':'")]
    [InlineData("12abc", 0, "invalid number")]
    [InlineData("max(1,", 6, "end of formula")]
    [InlineData("a = b", 2, "'='")]
    public void Parse_Invalid_ThrowsWithPosition(string text, int position, string messagePart)
    {
        var error = Should.Throw<FormulaException>(() => Formula.Parse(text));

        error.Position.ShouldBe(position);
        error.Message.ShouldContain(messagePart);
        error.Message.ShouldNotContain("position");
    }

    [Fact]
    public void Parse_UnclosedParenthesis_MessageLeavesThePositionToTheCaller()
    {
        var error = Should.Throw<FormulaException>(() => Formula.Parse("(queue + lag"));

        (error.Position, error.Message).ShouldBe((12, "unexpected end of formula; expected ')'"));
    }
}
