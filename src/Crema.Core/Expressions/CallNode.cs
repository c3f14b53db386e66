namespace Crema.Core.Expressions;

/// <summary>A call of a built-in function (min, max, abs, ceil, floor, round, int, float).</summary>
internal sealed class CallNode(int position, string name, IReadOnlyList<FormulaNode> arguments) : FormulaNode(position)
{
    public static readonly IReadOnlySet<string> SingleArgument = new HashSet<string>(StringComparer.Ordinal)
    {
        "abs", "ceil", "floor", "round", "int", "float",
    };

    public static readonly IReadOnlySet<string> Variadic = new HashSet<string>(StringComparer.Ordinal) { "min", "max" };

    public override double? Evaluate(IReadOnlyDictionary<string, double> variables)
    {
        var values = arguments.Select(a => a.EvaluateRequired(variables)).ToArray();
        return name switch
        {
            "min" => values.Min(),
            "max" => values.Max(),
            "abs" => Math.Abs(values[0]),
            "ceil" => Math.Ceiling(values[0]),
            "floor" => Math.Floor(values[0]),

            // Go's math.Round, which expr-lang uses, rounds half away from zero.
            "round" => Math.Round(values[0], MidpointRounding.AwayFromZero),
            "int" => Math.Truncate(values[0]),
            _ => values[0],
        };
    }

    public override void CollectVariables(ISet<string> names)
    {
        foreach (var argument in arguments)
        {
            argument.CollectVariables(names);
        }
    }
}
