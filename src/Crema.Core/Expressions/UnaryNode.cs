namespace Crema.Core.Expressions;

internal sealed class UnaryNode(int position, string op, FormulaNode operand) : FormulaNode(position)
{
    public override double? Evaluate(IReadOnlyDictionary<string, double> variables)
    {
        var value = operand.EvaluateRequired(variables);
        return op switch
        {
            "-" => -value,
            "+" => value,
            _ => FromBool(!IsTrue(value)),
        };
    }

    public override void CollectVariables(ISet<string> names) => operand.CollectVariables(names);
}
