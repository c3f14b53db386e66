using Crema.Scalers.Http;

namespace Crema.Tests.Scalers.Http;

public class HttpErrorExcerptTests
{
    [Fact]
    public void From_BodyWithSecrets_ReplacesEachSecret() =>
        HttpErrorExcerpt.From("user bob:hunter2 token abc", ["hunter2", "abc", ""]).ShouldBe("user bob:[redacted] token [redacted]");

    [Fact]
    public void From_MultiLineBody_IsFlattenedAndTrimmed() =>
        HttpErrorExcerpt.From("\n  line one\r\nline\ttwo  \n", []).ShouldBe("line one  line two");

    [Fact]
    public void From_LongBody_IsCutWithEllipsis()
    {
        var excerpt = HttpErrorExcerpt.From(new string('a', 5000), []);

        excerpt.Length.ShouldBe(HttpErrorExcerpt.MaxLength + 1);
        excerpt.ShouldEndWith("…");
    }

    [Fact]
    public void From_EmptyBody_IsEmpty() => HttpErrorExcerpt.From("", ["s"]).ShouldBe("");
}
