namespace Crema.Core.Expressions;

internal enum FormulaTokenKind
{
    Number,
    Identifier,
    Operator,
    OpenParen,
    CloseParen,
    Comma,
    End,
}
