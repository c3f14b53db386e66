namespace Crema.Core.Expressions;

/// <summary>A node of a parsed formula. Evaluation yields null for expr-lang's nil (an absent variable or <c>nil</c>).</summary>
internal abstract class FormulaNode(int position)
{
    public int Position { get; } = position;

    public abstract double? Evaluate(IReadOnlyDictionary<string, double> variables);

    /// <summary>Evaluates a node whose value must not be nil (an operand of arithmetic, a condition, an argument).</summary>
    public double EvaluateRequired(IReadOnlyDictionary<string, double> variables) =>
        Evaluate(variables) ?? throw new FormulaException(NilMessage(), Position);

    public virtual void CollectVariables(ISet<string> names)
    {
    }

    protected virtual string NilMessage() => $"the value at character {Position + 1} is nil";

    protected static bool IsTrue(double value) => value != 0 && !double.IsNaN(value);

    protected static double FromBool(bool value) => value ? 1 : 0;
}
