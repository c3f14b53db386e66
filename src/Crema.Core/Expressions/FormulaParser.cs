namespace Crema.Core.Expressions;

/// <summary>
/// Recursive-descent (precedence-climbing) parser with expr-lang's precedences:
/// ternary &lt; or &lt; and &lt; comparisons &lt; + - &lt; unary ! &lt; * / % &lt; unary - &lt; ** ^ &lt; ??.
/// </summary>
internal sealed class FormulaParser
{
    private static readonly Dictionary<string, (int Precedence, bool RightAssociative)> Binary = new(StringComparer.Ordinal)
    {
        ["||"] = (10, false),
        ["or"] = (10, false),
        ["&&"] = (15, false),
        ["and"] = (15, false),
        ["=="] = (20, false),
        ["!="] = (20, false),
        ["<"] = (20, false),
        ["<="] = (20, false),
        [">"] = (20, false),
        [">="] = (20, false),
        ["+"] = (30, false),
        ["-"] = (30, false),
        ["*"] = (60, false),
        ["/"] = (60, false),
        ["%"] = (60, false),
        ["**"] = (100, true),
        ["^"] = (100, true),
        ["??"] = (500, false),
    };

    private static readonly Dictionary<string, int> Unary = new(StringComparer.Ordinal)
    {
        ["!"] = 50,
        ["not"] = 50,
        ["-"] = 90,
        ["+"] = 90,
    };

    private readonly List<FormulaToken> _tokens;
    private int _index;

    private FormulaParser(List<FormulaToken> tokens) => _tokens = tokens;

    private FormulaToken Current => _tokens[_index];

    public static FormulaNode Parse(string text)
    {
        var parser = new FormulaParser(FormulaLexer.Tokenize(text));
        if (parser.Current.Kind == FormulaTokenKind.End)
        {
            throw new FormulaException("the formula is empty", 0);
        }

        var node = parser.ParseExpression(0);
        if (parser.Current.Kind != FormulaTokenKind.End)
        {
            throw Unexpected(parser.Current, "an operator or end of formula");
        }

        return node;
    }

    private static FormulaException Unexpected(FormulaToken token, string expected) =>
        new($"unexpected {token.Describe()}; expected {expected}", token.Position);

    private FormulaToken Next() => _tokens[_index++];

    private FormulaNode ParseExpression(int minPrecedence)
    {
        var left = ParsePrimary();
        while (Current.Kind == FormulaTokenKind.Operator
            && Binary.TryGetValue(Current.Text, out var op)
            && op.Precedence >= minPrecedence)
        {
            var token = Next();
            var right = ParseExpression(op.RightAssociative ? op.Precedence : op.Precedence + 1);
            left = token.Text == "??"
                ? new CoalesceNode(token.Position, left, right)
                : new BinaryNode(token.Position, token.Text, left, right);
        }

        return minPrecedence == 0 ? ParseConditional(left) : left;
    }

    private FormulaNode ParseConditional(FormulaNode condition)
    {
        while (Current.IsOperator("?"))
        {
            var question = Next();
            FormulaNode whenTrue;
            if (Current.IsOperator(":"))
            {
                // expr-lang's "a ?: b" (elvis): a when it is true, else b.
                Next();
                whenTrue = condition;
            }
            else
            {
                whenTrue = ParseExpression(0);
                Expect(":", "':' of the conditional");
            }

            var whenFalse = ParseExpression(0);
            condition = new ConditionalNode(question.Position, condition, whenTrue, whenFalse);
        }

        return condition;
    }

    private FormulaNode ParsePrimary()
    {
        var token = Current;
        if (token.Kind == FormulaTokenKind.Operator && Unary.TryGetValue(token.Text, out var precedence))
        {
            Next();
            return new UnaryNode(token.Position, token.Text, ParseExpression(precedence));
        }

        switch (token.Kind)
        {
            case FormulaTokenKind.Number:
                Next();
                return new NumberNode(token.Position, token.Number);
            case FormulaTokenKind.OpenParen:
                Next();
                var inner = ParseExpression(0);
                Expect(")", "')'");
                return inner;
            case FormulaTokenKind.Identifier:
                Next();
                return ParseIdentifier(token);
            default:
                throw Unexpected(token, "a number, a variable, a function call or '('");
        }
    }

    private FormulaNode ParseIdentifier(FormulaToken token)
    {
        if (Current.Kind == FormulaTokenKind.OpenParen)
        {
            return ParseCall(token);
        }

        return token.Text switch
        {
            "true" => new NumberNode(token.Position, 1),
            "false" => new NumberNode(token.Position, 0),
            "nil" => new NumberNode(token.Position, null),
            _ => new VariableNode(token.Position, token.Text),
        };
    }

    private CallNode ParseCall(FormulaToken name)
    {
        var single = CallNode.SingleArgument.Contains(name.Text);
        if (!single && !CallNode.Variadic.Contains(name.Text))
        {
            throw new FormulaException(
                $"unknown function '{name.Text}'; supported: min, max, abs, ceil, floor, round, int, float",
                name.Position);
        }

        Next();
        var arguments = new List<FormulaNode>();
        if (Current.Kind != FormulaTokenKind.CloseParen)
        {
            arguments.Add(ParseExpression(0));
            while (Current.Kind == FormulaTokenKind.Comma)
            {
                Next();
                arguments.Add(ParseExpression(0));
            }
        }

        Expect(")", "',' or ')'");
        if (single ? arguments.Count != 1 : arguments.Count == 0)
        {
            var wanted = single ? "exactly one argument" : "at least one argument";
            throw new FormulaException($"function '{name.Text}' takes {wanted}, got {arguments.Count}", name.Position);
        }

        return new CallNode(name.Position, name.Text, arguments);
    }

    private void Expect(string text, string description)
    {
        var token = Current;
        var matches = text switch
        {
            ")" => token.Kind == FormulaTokenKind.CloseParen,
            _ => token.IsOperator(text),
        };
        if (!matches)
        {
            throw Unexpected(token, description);
        }

        Next();
    }
}
