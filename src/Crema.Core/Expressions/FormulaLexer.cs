using System.Globalization;

namespace Crema.Core.Expressions;

/// <summary>Splits a formula into tokens, following expr-lang's lexical rules for the subset Crema supports.</summary>
internal static class FormulaLexer
{
    // Longest first, so "<=" wins over "<" and "**" over "*".
    private static readonly string[] Operators =
    [
        "==", "!=", "<=", ">=", "&&", "||", "??", "**",
        "+", "-", "*", "/", "%", "^", "<", ">", "!", "?", ":",
    ];

    private static readonly HashSet<string> WordOperators = ["and", "or", "not"];

    public static List<FormulaToken> Tokenize(string text)
    {
        var tokens = new List<FormulaToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                tokens.Add(ReadNumber(text, ref i));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                var word = text[start..i];
                var kind = WordOperators.Contains(word) ? FormulaTokenKind.Operator : FormulaTokenKind.Identifier;
                tokens.Add(new FormulaToken(kind, word, start));
            }
            else if (c is '(' or ')' or ',')
            {
                var kind = c switch
                {
                    '(' => FormulaTokenKind.OpenParen,
                    ')' => FormulaTokenKind.CloseParen,
                    _ => FormulaTokenKind.Comma,
                };
                tokens.Add(new FormulaToken(kind, c.ToString(), i));
                i++;
            }
            else
            {
                var op = Array.Find(Operators, o => string.CompareOrdinal(text, i, o, 0, o.Length) == 0)
                    ?? throw new FormulaException($"unexpected character '{Crema.Abstractions.UntrustedText.Escape(c.ToString())}'", i);
                tokens.Add(new FormulaToken(FormulaTokenKind.Operator, op, i));
                i += op.Length;
            }
        }

        tokens.Add(new FormulaToken(FormulaTokenKind.End, string.Empty, text.Length));
        return tokens;
    }

    private static FormulaToken ReadNumber(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '_'))
        {
            i++;
        }

        if (i < text.Length && text[i] == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
        {
            i++;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '_'))
            {
                i++;
            }
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            var save = i;
            i++;
            if (i < text.Length && (text[i] == '+' || text[i] == '-'))
            {
                i++;
            }

            if (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }
            }
            else
            {
                i = save;
            }
        }

        var raw = text[start..i];
        if (i < text.Length && (char.IsAsciiLetter(text[i]) || text[i] == '_'))
        {
            throw new FormulaException($"invalid number '{raw}{text[i]}'", start);
        }

        var value = double.Parse(raw.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture);
        return new FormulaToken(FormulaTokenKind.Number, raw, start, value);
    }
}
