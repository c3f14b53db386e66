using Crema.Abstractions;

namespace Crema.Tests.Abstractions;

public class GoDurationTests
{
    [Theory]
    [InlineData("30s", 30_000)]
    [InlineData("2m", 120_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("300ms", 300)]
    [InlineData("1500", 1_500)]
    [InlineData("0", 0)]
    [InlineData(" 45s ", 45_000)]
    [InlineData("1m0.5s", 60_500)]
    [InlineData("2h", 7_200_000)]
    [InlineData("+5s", 5_000)]
    [InlineData("-5s", -5_000)]
    [InlineData(".5s", 500)]
    public void TryParse_ValidText_ReturnsDuration(string text, double expectedMilliseconds)
    {
        GoDuration.TryParse(text, out var duration).ShouldBeTrue();

        duration.ShouldBe(TimeSpan.FromMilliseconds(expectedMilliseconds));
    }

    [Theory]
    [InlineData("1500us", 15_000)]
    [InlineData("1500µs", 15_000)]
    [InlineData("1500μs", 15_000)]
    [InlineData("1000ns", 10)]
    public void TryParse_SubMillisecondUnits_ReturnsTicks(string text, long expectedTicks)
    {
        GoDuration.TryParse(text, out var duration).ShouldBeTrue();

        duration.Ticks.ShouldBe(expectedTicks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("s")]
    [InlineData("5x")]
    [InlineData("5 s")]
    [InlineData("1.5")]
    [InlineData("-1500")]
    [InlineData("1..5s")]
    [InlineData(".s")]
    [InlineData("-")]
    [InlineData("+")]
    [InlineData("5sm")]
    [InlineData("1e3s")]
    [InlineData("thirty seconds")]
    [InlineData("99999999999999999999")]
    [InlineData("9999999999999999")]
    [InlineData("999999999999h")]
    public void TryParse_InvalidText_ReturnsFalse(string text)
    {
        GoDuration.TryParse(text, out var duration).ShouldBeFalse();

        duration.ShouldBe(TimeSpan.Zero);
    }
}
