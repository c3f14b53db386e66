using System.Text;
using Crema.Google.Secrets;

namespace Crema.Tests.Google;

public sealed class Crc32CTests
{
    [Theory]
    [InlineData("", 0x00000000u)]
    [InlineData("a", 0xC1D04330u)]
    [InlineData("123456789", 0xE3069283u)]
    [InlineData("The quick brown fox jumps over the lazy dog", 0x22620404u)]
    public void Compute_KnownVectors_MatchCastagnoliChecksum(string text, uint expected) =>
        Crc32C.Compute(Encoding.ASCII.GetBytes(text)).ShouldBe(expected);

    [Fact]
    public void Compute_32ZeroBytes_MatchesRfc3720Vector() =>
        Crc32C.Compute(new byte[32]).ShouldBe(0x8A9136AAu);
}
