namespace Crema.Core.Expressions;

/// <summary><c>a ?? b</c>: a unless it is nil (absent) or NaN, else b.</summary>
internal sealed class CoalesceNode(int position, FormulaNode left, FormulaNode right) : FormulaNode(position)
{
    public override double? Evaluate(IReadOnlyDictionary<string, double> variables)
    {
        var value = left.Evaluate(variables);
        return value is null || double.IsNaN(value.Value) ? right.Evaluate(variables) : value;
    }

    public override void CollectVariables(ISet<string> names)
    {
        left.CollectVariables(names);
        right.CollectVariables(names);
    }
}
