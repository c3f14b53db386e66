namespace Crema.Tests.Fuzzing;

/// <summary>One input that broke a target's property, with why (an exception of an undocumented type, a hang, too much memory, a bad result).</summary>
internal sealed record FuzzFailure(string Input, string Problem)
{
    public override string ToString() => $"{Problem}\n  input ({Input.Length} chars): {Literal(Input.Length > 400 ? Input[..400] + "…" : Input)}";

    // The input as a C# literal, so a crasher can be pasted into a regression test.
    private static string Literal(string text)
    {
        var builder = new System.Text.StringBuilder("\"");
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when c < ' ' || c > '~' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return builder.Append('"').ToString();
    }
}
