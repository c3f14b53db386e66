using Crema.Scalers.External;
using Grpc.Core;

namespace Crema.Tests.Scalers.External;

public sealed class ExternalScalerCallExceptionTests
{
    [Theory]
    [InlineData(3, "INVALID_ARGUMENT")]
    [InlineData(4, "DEADLINE_EXCEEDED")]
    [InlineData(0, "OK")]
    [InlineData(8, "RESOURCE_EXHAUSTED")]
    [InlineData(99, "CODE_99")]
    public void ToStatusName_Code_GivesCanonicalName(int code, string expected) =>
        ExternalScalerCallException.ToStatusName((StatusCode)code).ShouldBe(expected);

    [Fact]
    public void Message_WithAndWithoutDetail_NamesMethodAndStatus()
    {
        new ExternalScalerCallException("/externalscaler.ExternalScaler/IsActive", StatusCode.Unavailable, "warming up").Message
            .ShouldBe("/externalscaler.ExternalScaler/IsActive: UNAVAILABLE: warming up");
        new ExternalScalerCallException("/externalscaler.ExternalScaler/IsActive", StatusCode.Unknown, null).Message
            .ShouldBe("/externalscaler.ExternalScaler/IsActive: UNKNOWN");
    }
}
