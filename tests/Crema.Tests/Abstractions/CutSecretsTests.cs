using Crema.Abstractions;

namespace Crema.Tests.Abstractions;

public sealed class CutSecretsTests
{
    private const string Secret = "hunter2-correct-horse-battery";

    [Theory]
    [InlineData("value \"hunter2-corr…\" is not a number", "value \"[x]…\" is not a number")]
    [InlineData("401: token hunter2-correct-h...", "401: token [x]...")]
    [InlineData("a: hunt… b: hunter2-c…", "a: [x]… b: [x]…")]
    [InlineData("... then hunter2-cor...", "... then [x]...")]
    [InlineData("…hunter2-cor…", "…[x]…")]
    public void Redact_BeginningOfASecretBeforeACutMarker_Replaced(string text, string expected) =>
        CutSecrets.Redact(text, [Secret], "[x]").ShouldBe(expected);

    [Theory]
    [InlineData("loading...")]
    [InlineData("hun… and hunter2 without a marker")]
    [InlineData("…hunter2-correct")]
    public void Redact_NoBeginningOfFourBeforeAMarker_Unchanged(string text) =>
        CutSecrets.Redact(text, [Secret], "[x]").ShouldBe(text);

    [Fact]
    public void Redact_BeginningGluedToOtherText_StillReplaced() =>
        CutSecrets.Redact("id=xhunter2…", [Secret], "[x]").ShouldBe("id=x[x]…");

    [Fact]
    public void Redact_TwoSecrets_TheLongerBeginningWins() =>
        CutSecrets.Redact("key abcdefgh…", ["abcd-other", "abcdefghij"], "[x]").ShouldBe("key [x]…");

    [Fact]
    public void Redact_NoSecrets_Unchanged() =>
        CutSecrets.Redact("hunter2…", [], "[x]").ShouldBe("hunter2…");
}
