namespace Crema.Core.Expressions;

/// <summary>One lexical token; <see cref="Position"/> is the 0-based offset of its first character.</summary>
internal readonly record struct FormulaToken(FormulaTokenKind Kind, string Text, int Position, double Number = 0)
{
    public bool IsOperator(string text) => Kind == FormulaTokenKind.Operator && Text == text;

    public string Describe() => Kind == FormulaTokenKind.End ? "end of formula" : $"'{Text}'";
}
