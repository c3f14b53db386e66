namespace Crema.Core.Expressions;

/// <summary>Arithmetic, comparison (1 or 0) and short-circuit logic (1 or 0).</summary>
internal sealed class BinaryNode(int position, string op, FormulaNode left, FormulaNode right) : FormulaNode(position)
{
    public override double? Evaluate(IReadOnlyDictionary<string, double> variables)
    {
        var a = left.EvaluateRequired(variables);
        switch (op)
        {
            case "&&" or "and":
                return FromBool(IsTrue(a) && IsTrue(right.EvaluateRequired(variables)));
            case "||" or "or":
                return FromBool(IsTrue(a) || IsTrue(right.EvaluateRequired(variables)));
        }

        var b = right.EvaluateRequired(variables);
        return op switch
        {
            "+" => a + b,
            "-" => a - b,
            "*" => a * b,
            "/" => a / b,
            "%" => a % b,
            "**" or "^" => Math.Pow(a, b),
            "==" => FromBool(a == b),
            "!=" => FromBool(a != b),
            "<" => FromBool(a < b),
            "<=" => FromBool(a <= b),
            ">" => FromBool(a > b),
            ">=" => FromBool(a >= b),
            _ => throw new FormulaException($"unsupported operator '{op}'", Position),
        };
    }

    public override void CollectVariables(ISet<string> names)
    {
        left.CollectVariables(names);
        right.CollectVariables(names);
    }
}
