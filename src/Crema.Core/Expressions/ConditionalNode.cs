namespace Crema.Core.Expressions;

/// <summary><c>c ? a : b</c>; a non-zero, non-NaN condition is true.</summary>
internal sealed class ConditionalNode(int position, FormulaNode condition, FormulaNode whenTrue, FormulaNode whenFalse) : FormulaNode(position)
{
    public override double? Evaluate(IReadOnlyDictionary<string, double> variables) =>
        IsTrue(condition.EvaluateRequired(variables)) ? whenTrue.Evaluate(variables) : whenFalse.Evaluate(variables);

    public override void CollectVariables(ISet<string> names)
    {
        condition.CollectVariables(names);
        whenTrue.CollectVariables(names);
        whenFalse.CollectVariables(names);
    }
}
