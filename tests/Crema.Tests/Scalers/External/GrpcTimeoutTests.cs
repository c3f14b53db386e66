using Crema.Scalers.External.Grpc;

namespace Crema.Tests.Scalers.External;

public sealed class GrpcTimeoutTests
{
    [Theory]
    [InlineData(250, "250m")]
    [InlineData(0.4, "1m")]
    [InlineData(10_000, "10000m")]
    [InlineData(100_000_000, "100000S")]
    public void Format_Timeout_WritesAtMostEightDigitsRoundedUp(double milliseconds, string expected) =>
        GrpcTimeout.Format(TimeSpan.FromMilliseconds(milliseconds)).ShouldBe(expected);

    [Theory]
    [InlineData(3, "INVALID_ARGUMENT")]
    [InlineData(4, "DEADLINE_EXCEEDED")]
    [InlineData(0, "OK")]
    [InlineData(99, "CODE_99")]
    public void ToStatusName_Code_GivesCanonicalName(int code, string expected) =>
        GrpcCallException.ToStatusName((GrpcStatusCode)code).ShouldBe(expected);
}
