namespace Crema.Core.Expressions;

internal sealed class NumberNode(int position, double? value) : FormulaNode(position)
{
    public override double? Evaluate(IReadOnlyDictionary<string, double> variables) => value;
}
