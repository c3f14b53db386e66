namespace Crema.Core.Expressions;

internal sealed class VariableNode(int position, string name) : FormulaNode(position)
{
    public string Name { get; } = name;

    public override double? Evaluate(IReadOnlyDictionary<string, double> variables) =>
        variables.TryGetValue(Name, out var value) ? value : null;

    public override void CollectVariables(ISet<string> names) => names.Add(Name);

    protected override string NilMessage() => $"unknown variable '{Name}' at character {Position + 1}";
}
