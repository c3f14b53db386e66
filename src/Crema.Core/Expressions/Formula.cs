namespace Crema.Core.Expressions;

/// <summary>
/// A parsed KEDA <c>scalingModifiers.formula</c> (an expr-lang subset): numbers, variables (trigger names:
/// letters, digits, '_'), + - * / % ** and unary -, comparisons (1 or 0), &amp;&amp; || ! and/or/not,
/// <c>c ? a : b</c>, <c>a ?? b</c>, and min, max, abs, ceil, floor, round, int, float.
/// </summary>
public sealed class Formula
{
    private readonly FormulaNode _root;

    private Formula(string text, FormulaNode root, IReadOnlySet<string> variables)
    {
        Text = text;
        _root = root;
        Variables = variables;
    }

    /// <summary>The source text.</summary>
    public string Text { get; }

    /// <summary>Every variable name the formula references.</summary>
    public IReadOnlySet<string> Variables { get; }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="FormulaException"/> with the offending offset.</summary>
    public static Formula Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var root = FormulaParser.Parse(text);
        var names = new SortedSet<string>(StringComparer.Ordinal);
        root.CollectVariables(names);
        return new Formula(text, root, names);
    }

    /// <summary>Evaluates the formula; throws <see cref="FormulaException"/> when a variable it needs is absent.</summary>
    public double Evaluate(IReadOnlyDictionary<string, double> variables) => _root.EvaluateRequired(variables);

    /// <summary>
    /// Evaluates the formula, returning null when the whole result is nil (for example <c>q ?? nil</c> with q
    /// absent), which KEDA turns into the fallback; throws when nil is used inside arithmetic.
    /// </summary>
    public double? EvaluateOrNil(IReadOnlyDictionary<string, double> variables) => _root.Evaluate(variables);

    /// <inheritdoc />
    public override string ToString() => Text;
}
