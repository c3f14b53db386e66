using System.Security.Authentication;
using Crema.Scalers.Redis;
using Microsoft.Extensions.Logging;

namespace Crema.Tests.Scalers.Redis;

public sealed class RedisConnectFailuresTests
{
    [Fact]
    public async Task Reason_DisposedSocketLoggedFirst_TheTlsAlertAfterItIsTheReason()
    {
        var failures = new RedisConnectFailures();
        var logger = failures.CreateLogger("StackExchange.Redis");

        logger.LogError(new InvalidOperationException("connect", new ObjectDisposedException("System.Net.Sockets.Socket")), "socket failure");
        logger.LogError(new AuthenticationException("handshake", new IOException("certificate required")), "TLS failure");

        (await failures.ReasonAsync(TimeSpan.FromSeconds(5))).ShouldBe("certificate required");
    }

    [Fact]
    public async Task Reason_OnlyADisposedSocket_NoReason()
    {
        var failures = new RedisConnectFailures();

        failures.CreateLogger("StackExchange.Redis").LogError(new ObjectDisposedException("System.Net.Sockets.Socket"), "socket failure");

        (await failures.ReasonAsync(TimeSpan.FromMilliseconds(50))).ShouldBeNull();
    }
}
